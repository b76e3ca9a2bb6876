package com.livegov.governance.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Computes one streamer's payout with the CommissionSplit version in force on the month's last day, through {@link DecisionService}:
 * the evaluation is recorded with its version, inputs, outputs and matched rules.
 */
@Component
class PayoutCalculator {

    static final String COMMISSION_SPLIT = "CommissionSplit";

    private final DecisionService decisions;

    PayoutCalculator(DecisionService decisions) {
        this.decisions = decisions;
    }

    Payout compute(CommissionFigures.Eligible streamer, MonthlyFigures figures, SettlementMonth month, Instant decisionTime,
            DecisionCaller caller) {
        long months = month.cooperationMonths(streamer.startedOn());
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("tier", streamer.tier());
        inputs.put("monthlySales", figures.sales());
        inputs.put("monthlyTarget", figures.target());
        inputs.put("trafficSales", figures.trafficSales());
        inputs.put("cooperationMonths", BigDecimal.valueOf(months));
        inputs.put("profitPool", figures.profitPool());
        DecisionOutcome outcome = decisions.evaluateAsOf(COMMISSION_SPLIT, inputs, caller, decisionTime);
        if (!(outcome.outputs().get(COMMISSION_SPLIT) instanceof Map<?, ?> split)) {
            throw new IllegalStateException("CommissionSplit gave no commission for " + streamer.streamerId());
        }
        return new Payout(streamer.streamerId(), streamer.tier(), months, figures, Payout.Split.of(split),
                outcome.evaluationId(), outcome.version(), outcome.matchedRules());
    }
}
