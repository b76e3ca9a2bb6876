package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Element;

/**
 * A readable difference between two versions of a model: rules added, removed and changed, cell by cell, and changed
 * literal expressions and hit policies. Each change is a message code ({@code decisionDiff.<code>}) with arguments.
 * <p>
 * Decisions are matched by name. Rules are matched by id (dmn-js and the Camunda Modeler keep them), or by
 * position when a table has a rule without an id. Cells are named by their column: an input's label (or its
 * expression), an output's name, an annotation's name. Positions are 1-based: a removed rule's is its place in the
 * older version, every other rule's its place in the newer one. For a decision-level change the first argument is
 * the decision's name.
 */
public final class VersionDiff {

    /** One difference, rendered from the message bundles. */
    public record Change(String decision, String code, List<String> args) {
        public String messageKey() {
            return "decisionDiff." + code;
        }
    }

    private VersionDiff() {
    }

    /**
     * @throws IllegalArgumentException when either version is not well-formed XML
     */
    public static List<Change> between(String olderXml, String newerXml) {
        DmnDocument older = parse(olderXml);
        DmnDocument newer = parse(newerXml);
        List<Change> changes = new ArrayList<>();
        for (Finding finding : InterfaceCheck.compare(older, newer)) {
            boolean aboutDecision = finding.code().startsWith("decision") || finding.code().startsWith("output");
            changes.add(new Change(aboutDecision ? finding.args().get(0) : null, finding.code(), finding.args()));
        }
        for (Finding finding : ProtectedCheck.compare(older, newer)) {
            if (finding.code().startsWith("itemDefinition")) {
                changes.add(new Change(null, finding.code(), finding.args()));
            }
        }
        for (Element old : older.elements("decision")) {
            newer.element("decision", old.getAttribute("name")).ifPresent(now -> compareDecision(older, newer, old, now, changes));
        }
        return List.copyOf(changes);
    }

    private static DmnDocument parse(String xml) {
        try {
            return DmnDocument.parse(xml);
        } catch (DmnDocument.NotXml e) {
            throw new IllegalArgumentException("Not a readable DMN file: " + e.getMessage(), e);
        }
    }

    private static void compareDecision(DmnDocument older, DmnDocument newer, Element old, Element now, List<Change> changes) {
        String decision = old.getAttribute("name");
        String oldDescription = DmnDocument.childText(old, "description");
        String newDescription = DmnDocument.childText(now, "description");
        if (!oldDescription.equals(newDescription)) {
            changes.add(change(decision, "descriptionChanged", orNone(oldDescription), orNone(newDescription)));
        }
        Optional<Element> oldLogic = ProtectedCheck.logic(old);
        Optional<Element> newLogic = ProtectedCheck.logic(now);
        String oldKind = oldLogic.map(Element::getLocalName).orElse("-");
        String newKind = newLogic.map(Element::getLocalName).orElse("-");
        if (!oldKind.equals(newKind)) {
            changes.add(change(decision, "logicKindChanged", oldKind, newKind));
        } else if (oldKind.equals("decisionTable")) {
            compareTables(DecisionTableView.of(old).orElseThrow(), DecisionTableView.of(now).orElseThrow(), changes);
        } else if (oldKind.equals("literalExpression")) {
            String oldText = DmnDocument.textOf(oldLogic.get());
            String newText = DmnDocument.textOf(newLogic.get());
            if (!oldText.equals(newText)) {
                changes.add(change(decision, "literalExpressionChanged", oldText, newText));
            }
        } else if (oldLogic.isPresent() && !Canonical.of(older, oldLogic.get()).equals(Canonical.of(newer, newLogic.get()))) {
            changes.add(change(decision, "logicChanged", oldKind));
        }
    }

    private static void compareTables(DecisionTableView old, DecisionTableView now, List<Change> changes) {
        String decision = old.decision();
        if (!old.hitPolicy().equals(now.hitPolicy())) {
            changes.add(change(decision, "hitPolicyChanged", old.hitPolicy(), now.hitPolicy()));
        }
        List<int[]> inputs = DecisionTableColumns.match(old.inputs(), now.inputs(), DecisionTableView.InputColumn::id);
        List<int[]> outputs = DecisionTableColumns.match(old.outputs(), now.outputs(), DecisionTableView.OutputColumn::id);
        List<String> oldInputs = old.inputs().stream().map(DecisionTableView.InputColumn::title).toList();
        List<String> newInputs = now.inputs().stream().map(DecisionTableView.InputColumn::title).toList();
        if (!oldInputs.equals(newInputs)) {
            changes.add(change(decision, "inputColumnsChanged", String.join("; ", oldInputs), String.join("; ", newInputs)));
        }
        List<String> oldOutputs = old.outputs().stream().map(output -> output.title(decision)).toList();
        List<String> newOutputs = now.outputs().stream().map(output -> output.title(decision)).toList();
        if (!oldOutputs.equals(newOutputs)) {
            changes.add(change(decision, "outputColumnsChanged", String.join("; ", oldOutputs), String.join("; ", newOutputs)));
        }
        boolean byId = old.rulesHaveIds() && now.rulesHaveIds();
        Map<String, DecisionTableView.Rule> newRules = new LinkedHashMap<>();
        now.rules().forEach(rule -> newRules.put(key(rule, byId), rule));
        Map<String, DecisionTableView.Rule> oldRules = new LinkedHashMap<>();
        old.rules().forEach(rule -> oldRules.put(key(rule, byId), rule));
        for (DecisionTableView.Rule rule : old.rules()) {
            if (!newRules.containsKey(key(rule, byId))) {
                changes.add(change(decision, "ruleRemoved", String.valueOf(rule.position()), orNone(rule.id()),
                        old.describeInputs(rule), old.describeOutputs(rule)));
            }
        }
        for (DecisionTableView.Rule rule : now.rules()) {
            DecisionTableView.Rule before = oldRules.get(key(rule, byId));
            if (before == null) {
                changes.add(change(decision, "ruleAdded", String.valueOf(rule.position()), orNone(rule.id()),
                        now.describeInputs(rule), now.describeOutputs(rule)));
            } else {
                compareCells(old, now, before, rule, inputs, outputs, changes);
            }
        }
        if (byId) {
            RuleMoves.find(old.rules(), now.rules()).forEach(move -> changes.add(change(decision, "ruleMoved", move.id(),
                    String.valueOf(move.from()), String.valueOf(move.to()))));
        }
    }

    private static void compareCells(DecisionTableView old, DecisionTableView now, DecisionTableView.Rule before, DecisionTableView.Rule after,
            List<int[]> inputs, List<int[]> outputs, List<Change> changes) {
        String decision = old.decision();
        String position = String.valueOf(after.position());
        String id = orNone(after.id());
        for (int[] pair : inputs) {
            if (pair[0] >= 0 && pair[1] >= 0) {
                cell(decision, position, id, now.inputs().get(pair[1]).title(), DecisionTableView.cell(before.inputEntries(), pair[0]),
                        DecisionTableView.cell(after.inputEntries(), pair[1]), changes);
            }
        }
        for (int[] pair : outputs) {
            if (pair[0] >= 0 && pair[1] >= 0) {
                cell(decision, position, id, now.outputs().get(pair[1]).title(decision), DecisionTableView.cell(before.outputEntries(), pair[0]),
                        DecisionTableView.cell(after.outputEntries(), pair[1]), changes);
            }
        }
        for (int i = 0; i < Math.min(old.annotations().size(), now.annotations().size()); i++) {
            cell(decision, position, id, now.annotationTitle(i), DecisionTableView.cell(before.annotationEntries(), i),
                    DecisionTableView.cell(after.annotationEntries(), i), changes);
        }
        if (!before.description().equals(after.description())) {
            changes.add(change(decision, "ruleDescriptionChanged", position, id, orNone(before.description()), orNone(after.description())));
        }
    }

    private static void cell(String decision, String position, String id, String column, String old, String now, List<Change> changes) {
        if (!old.equals(now)) {
            changes.add(change(decision, "cellChanged", position, id, column, orNone(old), orNone(now)));
        }
    }

    private static String key(DecisionTableView.Rule rule, boolean byId) {
        return byId ? rule.id() : "#" + rule.position();
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private static Change change(String decision, String code, String... args) {
        List<String> all = new ArrayList<>();
        all.add(decision);
        all.addAll(List.of(args));
        return new Change(decision, code, List.copyOf(all));
    }
}
