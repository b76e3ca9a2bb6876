package com.livegov.governance.review;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A permission review as the API shows it: the quarter, who started it and when, what was compared, every streamer
 * looked at, and every deviation with the ops-manager's answer and what became of a requested downgrade.
 *
 * @param id the review's id (its process instance id; the process history is at {@code /history/process-instances/{id}})
 * @param status {@code COMPARING}, {@code IN_REVIEW} (ops-managers are answering), {@code COMPLETED}, or {@code ABORTED}
 *        (its process instance was aborted; the quarter may be reviewed again)
 */
record ReviewView(String id, String quarter, String status, String startedBy, OffsetDateTime startedAt, OffsetDateTime comparedAt,
        OffsetDateTime completedAt, Integer streamersReviewed, Integer grantsReviewed, Integer deviationsFound,
        List<Streamer> streamers, List<Finding> deviations) {

    /** A streamer the review compared with the baseline. */
    record Streamer(String streamerId, String tier, String opsManager, int grantsReviewed, int deviationsFound) {
    }

    /**
     * One deviation and its answer.
     *
     * @param number its number in the ops-manager's task
     * @param answer {@code CONFIRMED}, {@code DOWNGRADE_REQUESTED}, {@code DOWNGRADE_NOT_POSSIBLE} (the account is
     *        closed for good), or null while the ops-manager has not answered
     * @param approval the approval a requested downgrade went to, if any
     */
    record Finding(long deviationId, String opsManager, int number, String streamerId, String tier, String accountId,
            String accountKind, String accountStatus, long grantId, String level, boolean dataExport, String expectedLevel,
            boolean dataExportAllowed, List<String> kinds, long decisionEvaluationId, String decisionVersion, String answer,
            String answeredBy, OffsetDateTime answeredAt, String comment, Approval approval) {
    }

    /**
     * The account-action approval of a requested downgrade.
     *
     * @param status {@code AWAITING_APPROVAL}, {@code DOWNGRADED} (approved and executed), {@code REJECTED}, or
     *        {@code ABORTED} / {@code FAILED}
     * @param downgradedAt when the downgrade was executed, if it was
     */
    record Approval(String processInstanceId, String status, OffsetDateTime downgradedAt) {
    }

    /** A review in a list. */
    record Summary(String id, String quarter, String status, String startedBy, OffsetDateTime startedAt, Integer deviationsFound,
            OffsetDateTime completedAt) {
    }
}
