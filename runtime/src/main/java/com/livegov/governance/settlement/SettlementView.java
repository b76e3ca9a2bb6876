package com.livegov.governance.settlement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A settlement as the API shows it: the month, its status and totals, HR's review, the director-approval decision
 * and the director's decision, every payout, and the earlier (rejected) settlements of the same month.
 *
 * @param processInstanceId the settlement's id; its process history is at {@code /history/process-instances/{id}}
 */
record SettlementView(String month, String processInstanceId, String status, String startedBy, OffsetDateTime startedAt,
        Integer payoutCount, BigDecimal total, BigDecimal largestPayout, HrReview hrReview, DirectorApproval directorApproval,
        OffsetDateTime approvedAt, List<Payout> payouts, List<Attempt> earlierAttempts) {

    /** HR's review: who, when, the decision and the comment (empty while HR has not decided). */
    record HrReview(String reviewedBy, OffsetDateTime reviewedAt, Boolean approved, String comment) {
    }

    /**
     * Whether the director must approve, as the PayoutApproval decision answered (its recorded evaluation and
     * version), and the director's decision when there is one.
     */
    record DirectorApproval(Boolean required, String reason, Long decisionEvaluationId, String decisionVersion, String decidedBy,
            OffsetDateTime decidedAt, Boolean approved, String comment) {
    }

    /** Another settlement of the same month. */
    record Attempt(String processInstanceId, String status, String startedBy, OffsetDateTime startedAt) {
    }

    boolean isApproved() {
        return "APPROVED".equals(status);
    }
}
