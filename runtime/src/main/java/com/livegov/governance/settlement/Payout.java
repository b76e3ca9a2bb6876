package com.livegov.governance.settlement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One streamer's payout of a month, exactly as the CommissionSplit decision gave it, with the evaluation behind it.
 *
 * @param streamerId the streamer
 * @param tier the incentive tier the commission was computed for
 * @param cooperationMonths whole months of cooperation at the end of the month
 * @param figures the month's figures it was computed from
 * @param split every rate and amount of the decision's {@code CommissionSplit} result
 * @param evaluationId the recorded evaluation
 * @param decisionVersion the version of the commission table in force
 * @param matchedRules the rules the evaluation selected
 */
record Payout(String streamerId, String tier, long cooperationMonths, MonthlyFigures figures, Split split, long evaluationId,
        String decisionVersion, List<String> matchedRules) {

    /** The components of the commission, as decimals. */
    record Split(BigDecimal baseRate, BigDecimal baseAmount, boolean targetMet, BigDecimal excessRate, BigDecimal excessAmount,
            BigDecimal trafficRate, BigDecimal trafficAmount, boolean dividendEligible, BigDecimal dividendShare,
            BigDecimal dividendAmount, BigDecimal total) {

        static Split of(Map<?, ?> result) {
            return new Split(number(result, "baseRate"), number(result, "baseAmount"), flag(result, "targetMet"),
                    number(result, "excessRate"), number(result, "excessAmount"), number(result, "trafficRate"),
                    number(result, "trafficAmount"), flag(result, "dividendEligible"), number(result, "dividendShare"),
                    number(result, "dividendAmount"), number(result, "total"));
        }

        private static BigDecimal number(Map<?, ?> result, String name) {
            if (!(result.get(name) instanceof BigDecimal value)) {
                throw new IllegalStateException("CommissionSplit gave no number for " + name + ": " + result);
            }
            return value;
        }

        private static boolean flag(Map<?, ?> result, String name) {
            if (!(result.get(name) instanceof Boolean value)) {
                throw new IllegalStateException("CommissionSplit gave no true or false for " + name + ": " + result);
            }
            return value;
        }
    }
}
