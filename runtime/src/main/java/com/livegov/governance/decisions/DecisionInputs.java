package com.livegov.governance.decisions;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.model.api.InputData;

/**
 * Checks a request's inputs against the model's declared inputs before anything is evaluated: every
 * required input present, nothing the model does not know, each value of its declared type and inside its
 * allowed values (enumerations, non-negative amounts). An input is optional when its description in the
 * model starts with "Optional".
 */
final class DecisionInputs {

    /** One declared input of a model, read once when the model is compiled. */
    record Input(String name, DMNType type, String baseType, boolean optional, String allowedValues) {
    }

    private DecisionInputs() {
    }

    static List<Input> describe(DMNModel model) {
        return model.getInputs().stream().map(node -> describe(model, node)).toList();
    }

    private static Input describe(DMNModel model, InputDataNode node) {
        boolean optional = model.getDefinitions().getDrgElement().stream()
                .filter(element -> element instanceof InputData && element.getName().equals(node.getName()))
                .map(element -> element.getDescription())
                .anyMatch(description -> description != null && description.startsWith("Optional"));
        String typeName = node.getType().getName();
        String allowed = model.getDefinitions().getItemDefinition().stream()
                .filter(item -> item.getName().equals(typeName) && item.getAllowedValues() != null)
                .map(item -> item.getAllowedValues().getText())
                .findFirst().orElse(null);
        return new Input(node.getName(), node.getType(), baseTypeName(node.getType()), optional, allowed);
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
        if (!ignoreUndeclared) {
            refuseUndeclared(decision, given);
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Input input : decision.inputs()) {
            Object value = given.get(input.name());
            if (value == null) {
                if (!input.optional()) {
                    throw new InvalidDecisionInput(decision.name(), input.name(), "'" + input.name() + "' is required");
                }
                typed.put(input.name(), null);
                continue;
            }
            Object converted = convert(input.baseType(), value);
            if (converted == null || !input.type().isAssignableValue(converted)) {
                throw new InvalidDecisionInput(decision.name(), input.name(), describeRefusal(input, value, converted));
            }
            typed.put(input.name(), converted);
        }
        return typed;
    }

    private static void refuseUndeclared(PublishedDecision decision, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (decision.inputs().stream().noneMatch(input -> input.name().equals(name))) {
                throw new InvalidDecisionInput(decision.name(), name, "'" + name + "' is not an input of " + decision.name()
                        + "; its inputs are " + decision.inputs().stream().map(Input::name).sorted().toList());
            }
        }
    }

    private static Object convert(String baseType, Object value) {
        return switch (baseType) {
            case "number" -> value instanceof BigDecimal number ? number
                    : value instanceof Number number ? new BigDecimal(number.toString()) : null;
            case "string" -> value instanceof String ? value : null;
            case "boolean" -> value instanceof Boolean ? value : null;
            default -> value;
        };
    }

    private static String describeRefusal(Input input, Object value, Object converted) {
        if (converted != null && input.allowedValues() != null) {
            return "'" + input.name() + "' must be " + input.allowedValues() + ", not " + value;
        }
        return "'" + input.name() + "' must be a " + input.baseType() + ", not " + value;
    }

    static String baseTypeName(DMNType type) {
        DMNType base = type;
        while (base.getBaseType() != null) {
            base = base.getBaseType();
        }
        return base.getName();
    }
}
