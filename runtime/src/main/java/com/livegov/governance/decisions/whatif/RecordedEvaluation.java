package com.livegov.governance.decisions.whatif;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded evaluation as the replay needs it.
 *
 * @param id the evaluation record's id
 * @param evaluatedAt when it was evaluated
 * @param inputs the inputs as recorded (JSON numbers as {@link java.math.BigDecimal} or integers)
 * @param outputs the outputs as recorded
 * @param matchedRules the rule ids as recorded
 * @param streamerId the streamer a payout of this evaluation went to; null when none is known
 */
record RecordedEvaluation(long id, OffsetDateTime evaluatedAt, Map<String, Object> inputs, JsonNode outputs,
        List<String> matchedRules, String streamerId) {
}
