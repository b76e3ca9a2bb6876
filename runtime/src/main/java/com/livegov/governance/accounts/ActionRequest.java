package com.livegov.governance.accounts;

import java.util.Map;

/**
 * One account action to execute.
 *
 * @param actionId the idempotency key: the same id executes once, a repeat returns the first result
 * @param action what to do
 * @param accountId the account it is done to
 * @param actor the user or process that executes it
 * @param reason why, in words
 * @param approvalReference the approval behind it (an approval process instance), if any
 * @param processInstanceId the process instance executing it, if any
 * @param parameters {@code suspensionDays} for SUSPEND_LIVE, {@code targetAccountId} for TRANSFER_FANS,
 *        {@code level} for DOWNGRADE_PERMISSIONS
 */
public record ActionRequest(String actionId, AccountAction action, String accountId, String actor, String reason,
        String approvalReference, String processInstanceId, Map<String, Object> parameters) {

    public ActionRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
