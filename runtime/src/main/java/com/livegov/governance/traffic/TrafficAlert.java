package com.livegov.governance.traffic;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A stored traffic alert.
 *
 * @param alertId the alert's id
 * @param streamerId whose metrics
 * @param periodStart start of the period
 * @param periodEnd end of the period
 * @param metrics fan loss rate, interaction drop (percentages) and mentions of other accounts
 * @param level the TrafficAlert decision: {@code NONE}, {@code WATCH} or {@code INVESTIGATE}
 * @param decisionEvaluationId the recorded evaluation of the decision
 * @param decisionVersion the version of the decision table used
 * @param violationId the violation case an investigation opened ({@code violationEscalation} instance), if any
 * @param reportedBy who sent the metrics
 * @param receivedAt when
 */
public record TrafficAlert(String alertId, String streamerId, OffsetDateTime periodStart, OffsetDateTime periodEnd,
        Map<String, Object> metrics, String level, long decisionEvaluationId, String decisionVersion, String violationId,
        String reportedBy, OffsetDateTime receivedAt) {
}
