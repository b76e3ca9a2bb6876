package com.livegov.governance.decisions.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.decisions.whatif.WhatIfReport.ChangedCase;
import com.livegov.governance.decisions.whatif.WhatIfReport.MoneyChange;
import com.livegov.governance.decisions.whatif.WhatIfReport.RuleShift;
import com.livegov.governance.decisions.whatif.WhatIfReport.StreamerChange;

/**
 * Adds up a replay, case by case, newest first: a case has changed when the draft gives other outputs (numbers
 * compared by value) or selects other rules; a case the draft cannot decide counts as failed, not as changed.
 */
final class ReplayTally {

    static final int SAMPLES = 20;
    static final int STREAMERS = 50;

    /** What the draft decided for one recorded case (the engine's values); {@code outputs} is null when it could not decide. */
    record Replayed(Map<String, Object> outputs, List<String> matchedRules) {
        static final Replayed FAILED = new Replayed(null, List.of());

        boolean failed() {
            return outputs == null;
        }
    }

    private record Shift(List<String> before, List<String> after) {
    }

    /** Money per streamer (a null key is the unknown streamer). */
    private static final class Amounts {
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Optional<MoneyDecision> money;
    private final ObjectMapper json;
    private final Map<Shift, Integer> shifts = new HashMap<>();
    private final List<ChangedCase> samples = new ArrayList<>();
    private final Map<String, Amounts> byStreamer = new HashMap<>();
    private BigDecimal moneyChange = BigDecimal.ZERO;
    private int replayed;
    private int changed;
    private int failed;

    /** @param json the mapper evaluations are recorded with, reading decimals as {@link BigDecimal} */
    ReplayTally(Optional<MoneyDecision> money, ObjectMapper json) {
        this.money = money;
        this.json = json;
    }

    /** Adds one case; cases come newest first. */
    void add(RecordedEvaluation recorded, Replayed replayed) {
        this.replayed++;
        if (replayed.failed()) {
            failed++;
            return;
        }
        money.ifPresent(decision -> addMoney(decision, recorded, replayed));
        boolean sameRules = sorted(recorded.matchedRules()).equals(sorted(replayed.matchedRules()));
        if (sameRules && JsonValues.same(recorded.outputs(), replayed.outputs(), json::valueToTree)) {
            return;
        }
        changed++;
        if (!sameRules) {
            shifts.merge(new Shift(recorded.matchedRules(), replayed.matchedRules()), 1, Integer::sum);
        }
        if (samples.size() < SAMPLES) {
            samples.add(new ChangedCase(recorded.id(), recorded.evaluatedAt().toInstant().toString(), recorded.inputs(),
                    asMap(recorded.outputs()), asMap(json.valueToTree(replayed.outputs())), recorded.matchedRules(), replayed.matchedRules()));
        }
    }

    private void addMoney(MoneyDecision decision, RecordedEvaluation recorded, Replayed replayed) {
        BigDecimal before = decision.amount(recorded.outputs());
        BigDecimal after = decision.amount(replayed.outputs());
        moneyChange = moneyChange.add(after.subtract(before));
        Amounts amounts = byStreamer.computeIfAbsent(recorded.streamerId(), id -> new Amounts());
        amounts.before = amounts.before.add(before);
        amounts.after = amounts.after.add(after);
    }

    WhatIfReport report(long millis) {
        List<RuleShift> ruleShifts = shifts.entrySet().stream()
                .sorted(Map.Entry.<Shift, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().before().toString())
                        .thenComparing(entry -> entry.getKey().after().toString()))
                .map(entry -> new RuleShift(entry.getKey().before(), entry.getKey().after(), entry.getValue()))
                .toList();
        return new WhatIfReport(replayed, changed, failed, ruleShifts, List.copyOf(samples), moneyChange(), millis);
    }

    /** The money that changes, and the streamers whose amount changes, largest change first. */
    private MoneyChange moneyChange() {
        return money.map(decision -> {
            List<StreamerChange> streamers = byStreamer.entrySet().stream()
                    .map(entry -> new StreamerChange(entry.getKey(), entry.getValue().before, entry.getValue().after,
                            entry.getValue().after.subtract(entry.getValue().before)))
                    .filter(change -> change.change().signum() != 0)
                    .sorted(Comparator.comparing((StreamerChange change) -> change.change().abs()).reversed()
                            .thenComparing(StreamerChange::streamerId, Comparator.nullsLast(Comparator.naturalOrder())))
                    .limit(STREAMERS)
                    .toList();
            return new MoneyChange(decision.output(), moneyChange, streamers);
        }).orElse(null);
    }

    /** JSON outputs as a map for the report (its JSON form is the same). */
    private Map<String, Object> asMap(JsonNode outputs) {
        return json.convertValue(outputs, MAP);
    }

    private static List<String> sorted(List<String> rules) {
        return rules.stream().sorted().toList();
    }
}
