package com.livegov.governance.decisions.whatif;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A decision that decides an amount of money, and where in its outputs the amount is.
 * <ul>
 * <li>CommissionSplit: the commission paid to the streamer, {@code CommissionSplit.total}. The settlement's payout
 * lines reference the evaluation, so each amount has its streamer.</li>
 * <li>PartnerProfitSplit: the streamer's share of a partner project's profit, {@code PartnerProfitSplit.streamer}.
 * The three shares always add up to the profit, so their sum never changes; what a draft can change is who gets
 * how much, and the streamer's share is the amount paid out to a streamer. Nothing references these evaluations
 * with a streamer, so they count under an unknown streamer.</li>
 * </ul>
 *
 * @param decision the decision (output) holding the amount
 * @param component the component of that structured output
 * @param paidToStreamers whether settlement payouts reference the evaluations (and name their streamers)
 */
record MoneyDecision(String decision, String component, boolean paidToStreamers) {

    private static final Map<String, MoneyDecision> BY_MODEL = Map.of(
            "CommissionSplit", new MoneyDecision("CommissionSplit", "total", true),
            "PartnerProfitSplit", new MoneyDecision("PartnerProfitSplit", "streamer", false));

    static Optional<MoneyDecision> of(String model) {
        return Optional.ofNullable(BY_MODEL.get(model));
    }

    /** The output's name as the report shows it: {@code CommissionSplit.total}. */
    String output() {
        return decision + "." + component;
    }

    /** The amount in the recorded outputs; zero when they hold none (an output without the component decides no money). */
    BigDecimal amount(JsonNode outputs) {
        JsonNode value = outputs.path(decision).path(component);
        return value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
    }

    /** The amount in the outputs as the engine gives them (structured outputs are maps). */
    BigDecimal amount(Map<String, Object> outputs) {
        Object value = outputs.get(decision) instanceof Map<?, ?> structure ? structure.get(component) : null;
        return value instanceof BigDecimal number ? number
                : value instanceof Number number ? new BigDecimal(number.toString()) : BigDecimal.ZERO;
    }
}
