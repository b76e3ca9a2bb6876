package com.livegov.governance.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Scores one streamer's month with the PerformanceScore version in force on the month's last day (not today's),
 * through {@link DecisionService}: the evaluation is recorded with its version, inputs, outputs and matched rules.
 */
@Component
class PerformanceScorer {

    /** The decision's answer and the recorded evaluation behind it. */
    record Result(PerformanceLedger.Scored scored, DecisionOutcome outcome) {
    }

    private final DecisionService decisions;

    PerformanceScorer(DecisionService decisions) {
        this.decisions = decisions;
    }

    Result score(IndicatorScores scores, Instant decisionTime, DecisionCaller caller) {
        DecisionOutcome outcome = decisions.evaluateAsOf(PerformanceAssessment.DECISION, scores.inputs(), caller, decisionTime);
        if (!(outcome.outputs().get(PerformanceAssessment.DECISION) instanceof Map<?, ?> result)
                || !(result.get("combinedScore") instanceof BigDecimal combined) || !(result.get("individualScore") instanceof BigDecimal individual)
                || !(result.get("targetMet") instanceof Boolean met) || !(result.get("grade") instanceof String grade)) {
            throw new IllegalStateException("PerformanceScore gave no complete answer: " + outcome.outputs());
        }
        return new Result(new PerformanceLedger.Scored(individual, combined, met, grade), outcome);
    }
}
