package com.livegov.governance.decisions.checks;

import static com.livegov.governance.decisions.checks.DmnDocument.child;
import static com.livegov.governance.decisions.checks.DmnDocument.childText;
import static com.livegov.governance.decisions.checks.DmnDocument.children;
import static com.livegov.governance.decisions.checks.DmnDocument.textOf;

import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;

/**
 * A decision table as its file spells it: columns, rules and cells as text. The protected check compares its
 * columns, the diff its rules.
 *
 * @param decision the name of the decision the table belongs to
 * @param id the table's id
 * @param hitPolicy the hit policy with its aggregation ({@code COLLECT SUM}); {@code UNIQUE} when not stated
 */
record DecisionTableView(String decision, String id, String hitPolicy, String typeRef, List<InputColumn> inputs,
        List<OutputColumn> outputs, List<String> annotations, List<Rule> rules) {

    /** An input column: what it shows and what decides its matching. */
    record InputColumn(String id, String label, String expression, String expressionTypeRef, String inputValues) {
        /** The column's label as the table shows it: its label, or its expression when it has none. */
        String title() {
            return label.isEmpty() ? expression : label;
        }
    }

    /** An output column. */
    record OutputColumn(String id, String name, String label, String typeRef, String outputValues, String defaultOutput) {
        String title(String decision) {
            return !name.isEmpty() ? name : !label.isEmpty() ? label : decision;
        }
    }

    /** One rule: its 1-based position and its cells as text. */
    record Rule(String id, int position, List<String> inputEntries, List<String> outputEntries, List<String> annotationEntries,
            String description) {
    }

    /** The table of a decision, when its logic is a decision table. */
    static Optional<DecisionTableView> of(Element decision) {
        return child(decision, "decisionTable").map(table -> read(decision.getAttribute("name"), table));
    }

    private static DecisionTableView read(String decision, Element table) {
        String hitPolicy = table.getAttribute("hitPolicy").isEmpty() ? "UNIQUE" : table.getAttribute("hitPolicy");
        if (!table.getAttribute("aggregation").isEmpty()) {
            hitPolicy = hitPolicy + " " + table.getAttribute("aggregation");
        }
        List<InputColumn> inputs = children(table, "input").stream()
                .map(input -> {
                    Element expression = child(input, "inputExpression").orElse(null);
                    return new InputColumn(input.getAttribute("id"), input.getAttribute("label"), textOf(expression),
                            expression == null ? "" : expression.getAttribute("typeRef"),
                            child(input, "inputValues").map(DmnDocument::textOf).orElse(""));
                })
                .toList();
        List<OutputColumn> outputs = children(table, "output").stream()
                .map(output -> new OutputColumn(output.getAttribute("id"), output.getAttribute("name"), output.getAttribute("label"),
                        output.getAttribute("typeRef"), child(output, "outputValues").map(DmnDocument::textOf).orElse(""),
                        child(output, "defaultOutputEntry").map(DmnDocument::textOf).orElse("")))
                .toList();
        List<String> annotations = children(table, "annotation").stream().map(annotation -> annotation.getAttribute("name")).toList();
        List<Element> ruleElements = children(table, "rule");
        List<Rule> rules = new java.util.ArrayList<>();
        for (int i = 0; i < ruleElements.size(); i++) {
            Element rule = ruleElements.get(i);
            rules.add(new Rule(rule.getAttribute("id"), i + 1,
                    children(rule, "inputEntry").stream().map(DmnDocument::textOf).toList(),
                    children(rule, "outputEntry").stream().map(DmnDocument::textOf).toList(),
                    children(rule, "annotationEntry").stream().map(DmnDocument::textOf).toList(),
                    childText(rule, "description")));
        }
        return new DecisionTableView(decision, table.getAttribute("id"), hitPolicy, table.getAttribute("typeRef"), inputs,
                outputs, annotations, List.copyOf(rules));
    }

    /** True when every rule has an id and no two share one: rules can then be matched by id across versions. */
    boolean rulesHaveIds() {
        return rules.stream().noneMatch(rule -> rule.id().isEmpty())
                && rules.stream().map(Rule::id).distinct().count() == rules.size();
    }

    /** The rule's cells in words: "column: entry" for each input, output and annotation column. */
    String describeInputs(Rule rule) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            append(text, inputs.get(i).title(), cell(rule.inputEntries(), i));
        }
        return text.toString();
    }

    String describeOutputs(Rule rule) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < outputs.size(); i++) {
            append(text, outputs.get(i).title(decision), cell(rule.outputEntries(), i));
        }
        for (int i = 0; i < annotations.size(); i++) {
            append(text, annotationTitle(i), cell(rule.annotationEntries(), i));
        }
        return text.toString();
    }

    String annotationTitle(int index) {
        String name = annotations.get(index);
        return name.isEmpty() ? "#" + (index + 1) : name;
    }

    static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static void append(StringBuilder text, String column, String entry) {
        if (!text.isEmpty()) {
            text.append("; ");
        }
        text.append(column).append(": ").append(entry);
    }
}
