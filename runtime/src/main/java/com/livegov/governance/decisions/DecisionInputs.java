package com.livegov.governance.decisions;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.InputDataNode;

/**
 * Checks a request's inputs against the model's declared inputs before anything is evaluated: every
 * required input present, nothing the model does not know, each value of its declared type and inside its
 * allowed values (enumerations, non-negative amounts). An input is optional when its description in the
 * model starts with "Optional".
 */
final class DecisionInputs {

    private DecisionInputs() {
    }

    /** The inputs, typed for the engine (numbers as {@link BigDecimal}); throws {@link InvalidDecisionInput}. */
    static Map<String, Object> check(PublishedDecision decision, Map<String, ?> raw) {
        return check(decision, raw, false);
    }

    /**
     * The same check, leaving out what the model does not declare: a business-rule task also passes its own
     * parameters ({@code namespace}, {@code model}, {@code decision}) as inputs.
     */
    static Map<String, Object> checkDeclared(PublishedDecision decision, Map<String, ?> raw) {
        return check(decision, raw, true);
    }

    private static Map<String, Object> check(PublishedDecision decision, Map<String, ?> raw, boolean ignoreUndeclared) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        Set<String> declared = decision.model().getInputs().stream().map(InputDataNode::getName).collect(Collectors.toSet());
        for (String name : ignoreUndeclared ? Set.<String>of() : given.keySet()) {
            if (!declared.contains(name)) {
                throw new InvalidDecisionInput(decision.name(), name, "'" + name + "' is not an input of " + decision.name()
                        + "; its inputs are " + declared.stream().sorted().toList());
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (InputDataNode input : decision.model().getInputs()) {
            Object value = given.get(input.getName());
            if (value == null) {
                if (!isOptional(decision, input)) {
                    throw new InvalidDecisionInput(decision.name(), input.getName(), "'" + input.getName() + "' is required");
                }
                typed.put(input.getName(), null);
                continue;
            }
            Object converted = convert(input.getType(), value);
            if (converted == null || !input.getType().isAssignableValue(converted)) {
                throw new InvalidDecisionInput(decision.name(), input.getName(), describeRefusal(decision, input, value));
            }
            typed.put(input.getName(), converted);
        }
        return typed;
    }

    private static boolean isOptional(PublishedDecision decision, InputDataNode input) {
        return decision.model().getDefinitions().getDrgElement().stream()
                .filter(element -> element instanceof org.kie.dmn.model.api.InputData && element.getName().equals(input.getName()))
                .map(element -> element.getDescription())
                .anyMatch(description -> description != null && description.startsWith("Optional"));
    }

    private static Object convert(DMNType type, Object value) {
        String base = baseTypeName(type);
        if ("number".equals(base)) {
            if (value instanceof BigDecimal number) {
                return number;
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            return null;
        }
        if ("string".equals(base)) {
            return value instanceof String ? value : null;
        }
        if ("boolean".equals(base)) {
            return value instanceof Boolean ? value : null;
        }
        return value;
    }

    private static String describeRefusal(PublishedDecision decision, InputDataNode input, Object value) {
        DMNType type = input.getType();
        String base = baseTypeName(type);
        if (!type.getAllowedValues().isEmpty() && convert(type, value) != null) {
            return "'" + input.getName() + "' must be " + allowedValues(decision, input) + ", not " + value;
        }
        return "'" + input.getName() + "' must be a " + base + ", not " + value;
    }

    /** The allowed values as the model states them ({@code "REGULAR","KEY",...} or {@code >= 0}). */
    private static String allowedValues(PublishedDecision decision, InputDataNode input) {
        String typeName = input.getType().getName();
        return decision.model().getDefinitions().getItemDefinition().stream()
                .filter(item -> item.getName().equals(typeName) && item.getAllowedValues() != null)
                .map(item -> item.getAllowedValues().getText())
                .findFirst().orElse(typeName);
    }

    static String baseTypeName(DMNType type) {
        DMNType base = type;
        while (base.getBaseType() != null) {
            base = base.getBaseType();
        }
        return base.getName();
    }
}
