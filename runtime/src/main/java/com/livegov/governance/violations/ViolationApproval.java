package com.livegov.governance.violations;

import java.time.OffsetDateTime;

/**
 * An account-action approval a violation requested ({@code accountActionApproval} called by the violation).
 *
 * @param approvalInstanceId the approval's process instance id
 * @param action the account action asked for
 * @param accountId the account it is asked for
 * @param requestedAt when
 * @param outcome {@code APPROVED} or {@code REJECTED} once the violation read it; null before
 * @param concludedAt when the violation read the outcome
 */
public record ViolationApproval(String approvalInstanceId, String action, String accountId, OffsetDateTime requestedAt,
        String outcome, OffsetDateTime concludedAt) {
}
