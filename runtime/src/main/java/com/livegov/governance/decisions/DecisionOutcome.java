package com.livegov.governance.decisions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer of one recorded evaluation.
 *
 * @param evaluationId the id of the evaluation record
 * @param decision the model name
 * @param version the model version (SHA-256 of its XML)
 * @param versionNumber the version's number among the model's versions
 * @param asOf the business time the version was chosen for (when it was in force)
 * @param outputs every decision of the model by name
 * @param matchedRules the ids of the rules the tables selected
 * @param evaluatedAt when
 */
public record DecisionOutcome(long evaluationId, String decision, String version, int versionNumber, Instant asOf,
        Map<String, Object> outputs, List<String> matchedRules, OffsetDateTime evaluatedAt) {
}
