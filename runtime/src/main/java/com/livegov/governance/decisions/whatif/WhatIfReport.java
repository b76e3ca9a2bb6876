package com.livegov.governance.decisions.whatif;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a draft would have decided on the recent real evaluations of the version in force.
 *
 * @param replayed how many evaluations were replayed
 * @param changed how many of them would have another outcome: other outputs (numbers compared by value) or other
 *        matched rules; failed cases are not counted here
 * @param failed how many the draft could not decide (no rule matched, an error) or refused (an input no longer fits)
 * @param ruleShifts how many cases moved from one matched rule (set) to another: "Rule_A" -> "Rule_B" -> count, most
 *        frequent first
 * @param samples a sample of changed cases: the newest 20
 * @param money for money decisions: the total change (sum of after - before over the cases the draft decided) and the
 *        streamers whose amount changes, largest change first, at most 50 (a null id: cases no payout names); null
 *        for other decisions
 * @param millis how long the replay took
 */
public record WhatIfReport(int replayed, int changed, int failed, List<RuleShift> ruleShifts, List<ChangedCase> samples,
        MoneyChange money, long millis) {

    public record RuleShift(List<String> before, List<String> after, int cases) {
    }

    public record ChangedCase(long evaluationId, String evaluatedAt, Map<String, Object> inputs, Map<String, Object> before,
            Map<String, Object> after, List<String> rulesBefore, List<String> rulesAfter) {
    }

    public record MoneyChange(String output, BigDecimal total, List<StreamerChange> byStreamer) {
    }

    public record StreamerChange(String streamerId, BigDecimal before, BigDecimal after, BigDecimal change) {
    }
}
