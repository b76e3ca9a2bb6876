package com.livegov.governance.violations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A violation as recorded: the report, the severity decision, the measures and how the case ended.
 *
 * @param violationId the violation's id, which is its {@code violationEscalation} process instance id
 * @param streamerId whose violation
 * @param violationKind what was seen (a kind of the ViolationSeverity decision)
 * @param reportedBy who reported it
 * @param source {@code OPERATIONS}, {@code CONTENT_REVIEW} or {@code TRAFFIC_ALERT}
 * @param sourceReference what the source refers to (the traffic alert's id), if anything
 * @param evidence what was seen, where and when, as reported
 * @param priorViolations the violations in the 12 months before that the decision counted
 * @param severity {@code MINOR}, {@code MODERATE} or {@code SEVERE}
 * @param decisionEvaluationId the recorded evaluation of ViolationSeverity
 * @param decisionVersion the version of the decision table used
 * @param measures the graded response the decision gave
 * @param fine the fine the decision gave
 * @param fineStatus {@code NONE}, {@code AWAITING_APPROVAL}, {@code IMPOSED} or {@code WITHDRAWN}
 * @param fineApproval the approval the fine rests on (the suspension's), when imposed
 * @param offboardingId the offboarding a severe violation started
 * @param outcome how the case ended, or where it stands
 * @param reportedAt when it was reported
 * @param decidedAt when the severity was decided
 * @param closedAt when the case closed
 * @param approvals every account-action approval the violation requested
 */
public record Violation(String violationId, String streamerId, String violationKind, String reportedBy, String source,
        String sourceReference, Map<String, Object> evidence, int priorViolations, String severity, Long decisionEvaluationId,
        String decisionVersion, Map<String, Object> measures, BigDecimal fine, String fineStatus, String fineApproval,
        String offboardingId, String outcome, OffsetDateTime reportedAt, OffsetDateTime decidedAt, OffsetDateTime closedAt,
        List<ViolationApproval> approvals) {
}
