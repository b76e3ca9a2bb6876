package com.livegov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kie.api.builder.Message;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNType;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;

/**
 * What every decision model in {@code rules/} must satisfy, run against its examples file:
 * <ul>
 * <li>each example gives the expected outputs and selects the rules it names;</li>
 * <li>every rule of every table is selected by some example;</li>
 * <li>the model validates without ERROR messages;</li>
 * <li>Drools' decision-table analysis finds no gap, and no overlap in a table whose hit policy forbids one
 * (UNIQUE, ANY); no rule is masked;</li>
 * <li>every table states its hit policy and every rule says why it exists;</li>
 * <li>an input outside its declared allowed values is an error.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecisionModelContract {

    private static final Set<DMNMessageType> GAPS_AND_FORBIDDEN_OVERLAPS = Set.of(DMNMessageType.DECISION_TABLE_GAP,
            DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE, DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_ANY);

    private DecisionTableExamples table;
    private List<DecisionTableExamples.Example> examples;

    /** The model's classpath location, for example {@code /traffic-alert/TrafficAlert.dmn}. */
    abstract String modelPath();

    /** The examples file's classpath location. */
    abstract String examplesPath();

    @BeforeAll
    void loadModel() {
        table = new DecisionTableExamples(modelPath());
        Set<String> inputNames = table.model().getInputs().stream().map(InputDataNode::getName)
                .collect(java.util.stream.Collectors.toSet());
        examples = DecisionTableExamples.read(examplesPath(), inputNames);
    }

    @TestFactory
    Stream<DynamicTest> examplesGiveTheExpectedResults() {
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
            Map<String, Object> inputs = typedInputs(example.inputs());
            DMNResult result = table.evaluate(inputs);
            assertThat(result.hasErrors()).as("%s", result.getMessages()).isFalse();

            Map<String, Object> outputs = flatten(result);
            example.expected().forEach((name, expected) -> {
                assertThat(outputs).as("output %s", name).containsKey(name);
                assertSameValue(name, outputs.get(name), expected);
            });
            if (example.rule() != null) {
                assertThat(table.rulesSelectedBy(inputs)).containsAll(Arrays.asList(example.rule().split("\\|")));
            }
        }));
    }

    @Test
    void everyRuleIsSelectedByAnExample() {
        examples.forEach(example -> table.evaluate(typedInputs(example.inputs())));

        assertThat(table.rulesNeverHit()).as("rules without an example").isEmpty();
    }

    @Test
    void modelValidatesWithoutErrors() {
        assertThat(table.validationMessages()).filteredOn(message -> message.getLevel() == Message.Level.ERROR).isEmpty();
    }

    @Test
    void analysisFindsNoGapNoForbiddenOverlapAndNoMaskedRule() {
        List<DMNMessage> analysis = table.analysisMessages();

        assertThat(analysis).filteredOn(message -> GAPS_AND_FORBIDDEN_OVERLAPS.contains(message.getMessageType())).isEmpty();
        // a masked rule can never win under PRIORITY; Drools reports it as an error (and, as a warning, the
        // rule pairs it could not check because they constrain several inputs)
        assertThat(analysis).filteredOn(message -> message.getMessageType() == DMNMessageType.DECISION_TABLE_MASKED_RULE
                        || message.getMessageType() == DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR)
                .filteredOn(message -> message.getLevel() == Message.Level.ERROR)
                .isEmpty();
        for (DecisionTable decisionTable : decisionTables()) {
            if (decisionTable.getHitPolicy() == HitPolicy.UNIQUE || decisionTable.getHitPolicy() == HitPolicy.ANY) {
                assertThat(analysis).as("overlaps in %s", decisionTable.getId())
                        .filteredOn(message -> message.getMessageType() == DMNMessageType.DECISION_TABLE_OVERLAP)
                        .filteredOn(message -> decisionTable.getId().equals(message.getSourceId()))
                        .isEmpty();
            }
        }
    }

    @Test
    void everyTableStatesItsHitPolicyAndEveryRuleWhyItExists() {
        for (DecisionNode decision : table.model().getDecisions()) {
            if (decision.getDecision().getExpression() instanceof DecisionTable decisionTable) {
                assertThat(decision.getDecision().getDescription()).as(decision.getName()).startsWith("Hit policy " + decisionTable.getHitPolicy());
                for (DecisionRule rule : decisionTable.getRule()) {
                    assertThat(rule.getAnnotationEntry()).as(rule.getId()).isNotEmpty();
                    assertThat(rule.getAnnotationEntry().get(0).getText()).as(rule.getId()).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyInputDeclaresWhatItAllowsAndRefusesTheRest() {
        for (InputDataNode input : table.model().getInputs()) {
            DMNType type = input.getType();
            if (isNumber(type)) {
                boolean mayBeNegative = type.getAllowedValues().isEmpty();
                assertThat(type.isAssignableValue(new BigDecimal("-0.01"))).as("%s accepts a negative value", input.getName())
                        .isEqualTo(mayBeNegative);
                assertThat(type.isAssignableValue("12")).as("%s accepts text", input.getName()).isFalse();
            } else {
                assertThat(type.getAllowedValues()).as("%s declares its allowed values", input.getName()).isNotEmpty();
                assertThat(type.isAssignableValue("NOT_AN_ALLOWED_VALUE")).as(input.getName()).isFalse();
            }
        }
    }

    private List<DecisionTable> decisionTables() {
        List<DecisionTable> tables = new ArrayList<>();
        table.model().getDecisions().forEach(decision -> {
            if (decision.getDecision().getExpression() instanceof DecisionTable decisionTable) {
                tables.add(decisionTable);
            }
        });
        return tables;
    }

    private Map<String, Object> typedInputs(Map<String, String> raw) {
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value == null) {
                typed.put(name, null);
                return;
            }
            DMNType type = table.model().getInputByName(name).getType();
            typed.put(name, isNumber(type) ? new BigDecimal(value) : value);
        });
        return typed;
    }

    private static boolean isNumber(DMNType type) {
        DMNType base = type;
        while (base.getBaseType() != null) {
            base = base.getBaseType();
        }
        return "number".equals(base.getName());
    }

    private static Map<String, Object> flatten(DMNResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            outputs.put(decision.getDecisionName(), decision.getResult());
            if (decision.getResult() instanceof Map<?, ?> context) {
                context.forEach((key, value) -> outputs.put(key.toString(), value));
            }
        }
        return outputs;
    }

    private static void assertSameValue(String name, Object actual, String expected) {
        if (expected == null) {
            assertThat(actual).as(name).isNull();
        } else if (actual instanceof BigDecimal number) {
            assertThat(number).as(name).isEqualByComparingTo(new BigDecimal(expected));
        } else if (actual instanceof Boolean bool) {
            assertThat(bool).as(name).isEqualTo(Boolean.parseBoolean(expected));
        } else {
            assertThat(String.valueOf(actual)).as(name).isEqualTo(expected);
        }
    }
}
