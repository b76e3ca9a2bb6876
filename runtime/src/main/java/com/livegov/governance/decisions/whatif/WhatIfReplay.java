package com.livegov.governance.decisions.whatif;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.decisions.DecisionEngine;
import com.livegov.governance.decisions.PublishedDecision;
import com.livegov.governance.decisions.whatif.ReplayTally.Replayed;
import org.springframework.stereotype.Component;

/**
 * Replays a draft on the most recent recorded evaluations of the version in force: each recorded input is
 * evaluated by the draft (nothing is recorded) and its outputs and matched rules are compared with what was
 * recorded. For money decisions ({@link MoneyDecision}) the report adds up how much money would change, and for
 * which streamers.
 */
@Component
public class WhatIfReplay {

    /** At most this many evaluations are replayed. */
    public static final int LIMIT = 10_000;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final RecordedEvaluations evaluations;
    private final ObjectMapper json;

    WhatIfReplay(RecordedEvaluations evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    /**
     * @param model the model's name
     * @param inForceVersion the hash of the version in force (as recorded in {@code decision_evaluations.version})
     * @param draftXml the draft's XML, already known to compile
     * @throws IllegalArgumentException when the draft is a model of another name
     * @throws IllegalStateException when the draft does not compile
     */
    public WhatIfReport replay(String model, String inForceVersion, String draftXml) {
        long start = System.nanoTime();
        PublishedDecision draft = DecisionEngine.compile("what-if draft of " + model, draftXml);
        if (!draft.name().equals(model)) {
            throw new IllegalArgumentException("The draft is the model " + draft.name() + ", not " + model);
        }
        Optional<MoneyDecision> money = MoneyDecision.of(model);
        List<RecordedEvaluation> recorded = evaluations.recent(model, inForceVersion, LIMIT,
                money.map(MoneyDecision::paidToStreamers).orElse(false));
        ReplayTally tally = new ReplayTally(money, node -> json.convertValue(node, MAP));
        for (RecordedEvaluation evaluation : recorded) {
            tally.add(evaluation, replay(draft, evaluation));
        }
        return tally.report((System.nanoTime() - start) / 1_000_000);
    }

    /** What the draft decides on the recorded inputs; failed when an input no longer fits or the draft cannot decide. */
    private Replayed replay(PublishedDecision draft, RecordedEvaluation evaluation) {
        DecisionEngine.Trial trial;
        try {
            trial = DecisionEngine.trial(draft, evaluation.inputs());
        } catch (RuntimeException e) {
            // InvalidDecisionInput (an input no longer fits), or a draft's expression that throws: it cannot decide
            return Replayed.FAILED;
        }
        if (trial.failed()) {
            return Replayed.FAILED;
        }
        JsonNode outputs = json.valueToTree(trial.outputs());
        return new Replayed(outputs, trial.matchedRules());
    }
}
