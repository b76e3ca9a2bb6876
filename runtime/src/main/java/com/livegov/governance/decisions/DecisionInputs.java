package com.livegov.governance.decisions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.feel.lang.EvaluationContext;
import org.kie.dmn.feel.lang.FEELDialect;
import org.kie.dmn.feel.lang.impl.EvaluationContextImpl;
import org.kie.dmn.feel.lang.impl.FEELEventListenersManager;
import org.kie.dmn.feel.runtime.UnaryTest;
import org.kie.dmn.model.api.InputData;

/**
 * Checks a request's inputs against the model's declared inputs before anything is evaluated: every
 * required input present, nothing the model does not know, each value of its declared type and inside its
 * allowed values (enumerations, non-negative amounts). An input is optional when its description in the
 * model starts with "Optional": a request may give it as {@code null} to say there is none, but must still
 * name it, so that a forgotten field is refused rather than read as "none" (a missing proposed compensation
 * is not a proposal of nothing). A process's rule task passes only the inputs its diagram maps, so there a
 * missing optional input is {@code null}.
 * <p>
 * The allowed values are the model's own FEEL unary tests, applied by the FEEL engine. One evaluation context
 * serves every input of a request: the engine's own {@code isAssignableValue} builds a new one per value, which
 * cost a quarter of an evaluation's time (see the decision benchmark in the README).
 */
final class DecisionInputs {

    /** One declared input of a model, read once when the model is compiled. */
    record Input(String name, DMNType type, String baseType, boolean optional, String allowedValues,
            List<UnaryTest> allowedTests) {

        /** True when the value (already of the base type) passes the allowed values; a simple type's check only. */
        boolean allows(Object value, AllowedValuesContext context) {
            if (allowedTests == null) {
                return type.isAssignableValue(value);
            }
            if (allowedTests.isEmpty()) {
                return true;
            }
            EvaluationContext feel = context.get();
            for (UnaryTest test : allowedTests) {
                if (Boolean.TRUE.equals(test.apply(feel, value))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One FEEL evaluation context, made on first use, for the allowed values of one request's inputs. */
    private static final class AllowedValuesContext {
        private EvaluationContext context;

        EvaluationContext get() {
            if (context == null) {
                context = new EvaluationContextImpl(DecisionInputs.class.getClassLoader(), new FEELEventListenersManager(), FEELDialect.FEEL);
                ((EvaluationContextImpl) context).enterFrame();
            }
            return context;
        }
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
        return new Input(node.getName(), node.getType(), baseTypeName(node.getType()), optional, allowed, simpleAllowedTests(node.getType()));
    }

    /**
     * The allowed-value tests of a simple, single-valued type; null when the type needs the engine's full check
     * (a structure, a collection, a type constraint of its own, or a base type that {@link #convert} does not
     * check).
     */
    private static List<UnaryTest> simpleAllowedTests(DMNType type) {
        if (!List.of("number", "string", "boolean").contains(baseTypeName(type)) || type.isComposite() || type.isCollection() || (type.getTypeConstraint() != null && !type.getTypeConstraint().isEmpty())
                || (type.getBaseType() != null && !isUnconstrained(type.getBaseType()))) {
            return null;
        }
        List<UnaryTest> tests = new ArrayList<>();
        for (Object test : type.getAllowedValues() == null ? List.of() : type.getAllowedValues()) {
            if (!(test instanceof UnaryTest unaryTest)) {
                return null;
            }
            tests.add(unaryTest);
        }
        return List.copyOf(tests);
    }

    private static boolean isUnconstrained(DMNType type) {
        return (type.getAllowedValues() == null || type.getAllowedValues().isEmpty())
                && (type.getTypeConstraint() == null || type.getTypeConstraint().isEmpty())
                && (type.getBaseType() == null || isUnconstrained(type.getBaseType()));
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
        AllowedValuesContext feel = new AllowedValuesContext();
        for (Input input : decision.inputs()) {
            Object value = given.get(input.name());
            if (value == null) {
                if (!input.optional()) {
                    throw new InvalidDecisionInput(decision.name(), input.name(), "'" + input.name() + "' is required");
                }
                if (!ignoreUndeclared && !given.containsKey(input.name())) {
                    throw new InvalidDecisionInput(decision.name(), input.name(), "'" + input.name()
                            + "' is missing; it is optional, so send null to state that there is none");
                }
                typed.put(input.name(), null);
                continue;
            }
            Object converted = convert(input.baseType(), value);
            if (converted == null || !input.allows(converted, feel)) {
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
