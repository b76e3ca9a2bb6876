package com.livegov.governance.start;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.accounts.PermissionLevel;
import com.livegov.governance.start.StartChoices.AccountChoice;

/**
 * The request for an account action, as typed: the action, its severity, the account, the action's parameters
 * and the reason. Who asks is the login, never a field.
 */
record AccountActionForm(String action, String severity, String subject, String suspensionDays, String level,
        String targetAccountId, String reason) {

    /** The actions an approval can be requested for (opening a sub-account is onboarding's). */
    static final List<String> ACTIONS = Arrays.stream(AccountAction.values())
            .filter(action -> action != AccountAction.OPEN_SUB_ACCOUNT).map(Enum::name).toList();
    /** The severities the ApprovalChain decision knows. */
    static final List<String> SEVERITIES = List.of("NONE", "MINOR", "MODERATE", "SEVERE");
    static final List<String> LEVELS = Arrays.stream(PermissionLevel.values()).map(Enum::name).toList();
    static final int REASON_MAX = 2000;

    /** An empty request, on the account given (from a link on a streamer's page), if any. */
    static AccountActionForm on(String account) {
        return new AccountActionForm(null, "NONE", account, null, null, null, null);
    }

    /**
     * The start variables of {@code accountActionApproval}, the errors noted for every field that is wrong.
     *
     * @param account the chosen account, empty when it does not exist
     */
    Map<String, Object> variables(FormErrors errors, Optional<AccountChoice> account) {
        Map<String, Object> variables = new LinkedHashMap<>();
        String chosen = errors.choice("action", action, ACTIONS);
        variables.put("action", chosen);
        variables.put("severity", errors.choice("severity", severity, SEVERITIES));
        if (subject == null || subject.isBlank()) {
            errors.add("subject", "start.error.required");
        } else if (account.isEmpty()) {
            errors.add("subject", "start.error.unknownAccount");
        } else {
            variables.put("subject", account.get().id());
            variables.put("accountKind", account.get().kind());
        }
        variables.put("parameters", parameters(errors, chosen));
        variables.put("reason", errors.text("reason", reason, REASON_MAX));
        return variables;
    }

    /** The parameters the action takes: the days of a suspension, the level of a downgrade, where fans go. */
    private Map<String, Object> parameters(FormErrors errors, String chosen) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if ("SUSPEND_LIVE".equals(chosen)) {
            parameters.put("suspensionDays", errors.wholeNumber("suspensionDays", suspensionDays, 1));
        } else if ("DOWNGRADE_PERMISSIONS".equals(chosen)) {
            parameters.put("level", errors.choice("level", level, LEVELS));
        } else if ("TRANSFER_FANS".equals(chosen)) {
            if (targetAccountId == null || targetAccountId.isBlank()) {
                errors.add("targetAccountId", "start.error.required");
            } else if (targetAccountId.equals(subject)) {
                errors.add("targetAccountId", "start.error.sameAccount");
            }
            parameters.put("targetAccountId", targetAccountId);
        }
        return parameters;
    }
}
