package com.livegov.governance.decisions.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;

import com.livegov.governance.decisions.DecisionEngine;
import com.livegov.governance.decisions.InvalidDecisionInput;
import com.livegov.governance.decisions.PublishedDecision;

/**
 * Evaluates a draft's examples on the compiled draft, without recording anything. An output column is a decision's
 * result or a component of a decision's structured result (a later decision's component of the same name wins, as in
 * the rules module's tests); numbers compare by value, booleans and text as written. The {@code rule} cell lists
 * every rule the evaluation must select, across the model's tables.
 */
final class ExamplesCheck {

    /** The findings and how many examples were evaluated. */
    record Result(List<Finding> findings, int run) {
    }

    private ExamplesCheck() {
    }

    static Result run(PublishedDecision draft, String csv) {
        Map<String, String> inputTypes = new LinkedHashMap<>();
        for (InputDataNode input : draft.model().getInputs()) {
            inputTypes.put(input.getName(), baseType(input.getType()));
        }
        ExamplesTable table = ExamplesTable.read(csv, inputTypes.keySet(), outputNames(draft));
        List<Finding> findings = new ArrayList<>(table.problems());
        int run = 0;
        for (ExamplesTable.Row row : table.rows()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            if (!typed(row, inputTypes, inputs, findings)) {
                continue;
            }
            DecisionEngine.Trial trial;
            try {
                trial = DecisionEngine.trial(draft, inputs);
            } catch (InvalidDecisionInput refused) {
                findings.add(ExamplesTable.problem("exampleInputRefused", row.line(), refused.input(), String.valueOf(row.inputs().get(refused.input()))));
                continue;
            } catch (RuntimeException failed) {
                findings.add(ExamplesTable.problem("exampleEvaluationFailed", row.line(), String.valueOf(failed.getMessage())));
                continue;
            }
            run++;
            if (trial.failed()) {
                findings.add(ExamplesTable.problem("exampleEvaluationFailed", row.line(), String.join("; ", trial.errors().stream().distinct().toList())));
                continue;
            }
            Map<String, Object> outputs = flatten(trial.outputs());
            row.expected().forEach((column, expected) -> {
                Object actual = outputs.get(column);
                if (!same(expected, actual)) {
                    findings.add(ExamplesTable.problem("exampleOutputDiffers", row.line(), column, render(expected), render(actual)));
                }
            });
            if (!row.rules().isEmpty() && !new LinkedHashSet<>(row.rules()).equals(new LinkedHashSet<>(trial.matchedRules()))) {
                findings.add(ExamplesTable.problem("exampleRulesDiffer", row.line(), String.join("|", row.rules()),
                        trial.matchedRules().isEmpty() ? "-" : String.join("|", trial.matchedRules())));
            }
        }
        return new Result(findings, run);
    }

    private static boolean typed(ExamplesTable.Row row, Map<String, String> types, Map<String, Object> into, List<Finding> findings) {
        boolean ok = true;
        for (Map.Entry<String, String> cell : row.inputs().entrySet()) {
            String value = cell.getValue();
            String type = types.get(cell.getKey());
            Object typed = value;
            if (value != null && type.equals("number")) {
                typed = number(value);
            } else if (value != null && type.equals("boolean")) {
                typed = value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null;
            }
            if (value != null && typed == null) {
                findings.add(ExamplesTable.problem("exampleBadValue", row.line(), cell.getKey(), value, type));
                ok = false;
            }
            into.put(cell.getKey(), typed);
        }
        return ok;
    }

    private static Set<String> outputNames(PublishedDecision draft) {
        Set<String> names = new LinkedHashSet<>();
        for (DecisionNode decision : draft.model().getDecisions()) {
            names.add(decision.getName());
            DMNType type = decision.getResultType();
            if (type != null && type.isComposite()) {
                names.addAll(type.getFields().keySet());
            }
        }
        return names;
    }

    private static Map<String, Object> flatten(Map<String, Object> outputs) {
        Map<String, Object> flat = new LinkedHashMap<>();
        outputs.forEach((decision, result) -> {
            flat.put(decision, result);
            if (result instanceof Map<?, ?> context) {
                context.forEach((key, value) -> flat.put(String.valueOf(key), value));
            }
        });
        return flat;
    }

    private static boolean same(String expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (actual instanceof BigDecimal number) {
            BigDecimal wanted = number(expected);
            return wanted != null && wanted.compareTo(number) == 0;
        }
        if (actual instanceof Number number) {
            BigDecimal wanted = number(expected);
            return wanted != null && wanted.compareTo(new BigDecimal(number.toString())) == 0;
        }
        return String.valueOf(actual).equals(expected);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static String baseType(DMNType type) {
        DMNType base = type;
        while (base.getBaseType() != null) {
            base = base.getBaseType();
        }
        return base.getName();
    }
}
