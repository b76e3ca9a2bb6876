package com.livegov.governance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.api.core.DMNResult;

/**
 * ApprovalChain (hit policy UNIQUE) against its examples file: every example matches, every rule is hit, the
 * model validates without errors and the analysis finds no gap and no overlap.
 */
class ApprovalChainTest {

    private static final DecisionTableExamples TABLE = new DecisionTableExamples("/approval-chain/ApprovalChain.dmn");
    private static final Set<DMNMessageType> FORBIDDEN_BY_UNIQUE = Set.of(DMNMessageType.DECISION_TABLE_GAP,
            DMNMessageType.DECISION_TABLE_OVERLAP, DMNMessageType.DECISION_TABLE_OVERLAP_HITPOLICY_UNIQUE,
            DMNMessageType.DECISION_TABLE_MASKED_RULE, DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR);

    static List<DecisionTableExamples.Example> examples() {
        return DecisionTableExamples.read("approval-chain/ApprovalChain.examples.csv", Set.of("action"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleGivesTheExpectedChain(DecisionTableExamples.Example example) {
        DMNResult result = TABLE.evaluate(example.inputs());

        assertThat(result.hasErrors()).as(result.getMessages().toString()).isFalse();
        DMNDecisionResult chain = result.getDecisionResultByName("ApprovalChain");
        assertThat((Map<?, ?>) chain.getResult()).isEqualTo(example.expected());
        assertThat(TABLE.rulesSelectedBy(example.inputs())).containsExactly(example.rule());
    }

    @Test
    void unknownActionIsAnError() {
        DMNResult result = TABLE.evaluate(Map.of("action", "DELETE_EVERYTHING"));

        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void modelHasNoErrors() {
        assertThat(TABLE.validationMessages()).filteredOn(message -> message.getLevel() == org.kie.api.builder.Message.Level.ERROR)
                .isEmpty();
    }

    @Test
    void analysisFindsNoGapOverlapOrMaskedRule() {
        List<DMNMessage> analysis = TABLE.analysisMessages();

        assertThat(analysis).filteredOn(message -> FORBIDDEN_BY_UNIQUE.contains(message.getMessageType())).isEmpty();
    }

    @Test
    void everyRuleIsHitByAnExample() {
        examples().forEach(example -> TABLE.evaluate(example.inputs()));
        assertThat(TABLE.rulesNeverHit()).as("rules without an example").isEmpty();
    }
}
