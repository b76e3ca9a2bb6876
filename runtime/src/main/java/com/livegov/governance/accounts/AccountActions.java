package com.livegov.governance.accounts;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Executes account actions, the one way any account changes: each action is idempotent (its action id
 * executes once; a repeat answers the first record and changes nothing), transactional (the back-office
 * change and its record commit together, or neither does), and recorded (who or which process, why, when,
 * under which approval, with what outcome, in the audit trail too). Actions on one account are serialized by a
 * row lock.
 */
@Service
public class AccountActions {

    private static final Set<String> FINAL_STATES = Set.of("CANCELLED", "RECLAIMED");
    private static final int MAX_SUSPENSION_DAYS = 30;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final PlatformBackOffice backOffice;
    private final SubAccountOpening subAccounts;
    private final ObjectMapper json;
    private final AuditTrail audit;

    AccountActions(JdbcTemplate jdbc, PlatformBackOffice backOffice, SubAccountOpening subAccounts, ObjectMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.backOffice = backOffice;
        this.subAccounts = subAccounts;
        this.json = json;
        this.audit = audit;
    }

    @Transactional
    public ActionRecord execute(ActionRequest request) {
        requireText(request.actionId(), "actionId");
        requireText(request.actor(), "actor");
        requireText(request.reason(), "reason");
        if (request.action() == null) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER, "action is required");
        }
        boolean opening = request.action() == AccountAction.OPEN_SUB_ACCOUNT;
        Map<String, Object> account = null;
        if (opening) {
            requireText(request.accountId(), "accountId");
            subAccounts.lockStreamer(request.parameters());
        } else {
            account = lockAccount(request.accountId());
        }
        Optional<ActionRecord> earlier = find(request.actionId());
        if (earlier.isPresent()) {
            ActionRequest first = earlier.get().request();
            if (first.action() != request.action() || !first.accountId().equals(request.accountId())) {
                throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER,
                        "action id " + request.actionId() + " was already used for " + first.action() + " on " + first.accountId());
            }
            return new ActionRecord(first, earlier.get().outcome(), earlier.get().executedAt(), true);
        }
        Map<String, Object> outcome = opening ? open(request) : apply(request, account);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("""
                insert into governance.account_actions (action_id, action, account_id, actor, reason, approval_reference,
                    process_instance_id, parameters, outcome, executed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                request.actionId(), request.action().name(), request.accountId(), request.actor(), request.reason(),
                request.approvalReference(), request.processInstanceId(), toJson(request.parameters()), toJson(outcome), now);
        String streamerId = opening ? (String) request.parameters().get("streamerId") : (String) account.get("authorized_streamer");
        audit.record(auditEntry(request, outcome, streamerId));
        return new ActionRecord(request, outcome, now, false);
    }

    private static AuditEntry auditEntry(ActionRequest request, Map<String, Object> outcome, String streamerId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("actionId", request.actionId());
        details.put("action", request.action().name());
        details.put("approvalReference", request.approvalReference());
        details.put("parameters", request.parameters());
        details.put("outcome", outcome);
        return AuditEntry.of(AuditAction.ACCOUNT_ACTION, request.actor(), AuditTarget.account(request.accountId()), request.reason())
                .inProcess(request.processInstanceId()).aboutStreamer(streamerId).withDetails(details);
    }

    /** Every action executed on the account, oldest first. */
    public List<ActionRecord> history(String accountId) {
        return jdbc.query("select * from governance.account_actions where account_id = ? order by executed_at, action_id",
                (rs, row) -> toRecord(rs), accountId);
    }

    /**
     * Checks, without changing anything, that the action can be executed on the account with these parameters:
     * for a process that must refuse a request at its start rather than fail at its end.
     */
    @Transactional(readOnly = true)
    public void verify(AccountAction action, String accountId, Map<String, Object> parameters) {
        Map<String, Object> given = parameters == null ? Map.of() : parameters;
        if (action == AccountAction.OPEN_SUB_ACCOUNT) {
            requireText(accountId, "accountId");
            subAccounts.check(accountId, given);
            return;
        }
        check(new Intent(action, accountId, given), readAccount(accountId, false));
    }

    /** What is to be done, without who and why: all the checks need. */
    private record Intent(AccountAction action, String accountId, Map<String, Object> parameters) {

        static Intent of(ActionRequest request) {
            return new Intent(request.action(), request.accountId(), request.parameters());
        }
    }

    private void check(Intent request, Map<String, Object> account) {
        String status = (String) account.get("status");
        if (request.action() == null) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER, "action is required");
        }
        if (FINAL_STATES.contains(status)) {
            throw notAllowed(request, status);
        }
        switch (request.action()) {
            case SUSPEND_LIVE -> suspensionDays(request);
            case RESTORE_LIVE -> {
                if (!status.equals("PAUSED") && !status.equals("SUSPENDED")) {
                    throw notAllowed(request, status);
                }
            }
            case DOWNGRADE_PERMISSIONS -> level(request);
            case TRANSFER_FANS -> transferTarget(request, false);
            case RECLAIM_SUB_ACCOUNT -> {
                if (!"SUB_ACCOUNT".equals(account.get("kind"))) {
                    throw new AccountProblem(AccountProblem.Kind.NOT_ALLOWED,
                            "Only a sub-account can be reclaimed; " + request.accountId() + " is the main account");
                }
            }
            default -> {
                // no parameters, possible in every state that is not final
            }
        }
    }

    private Map<String, Object> open(ActionRequest request) {
        SubAccountOpening.Opening opening = subAccounts.check(request.accountId(), request.parameters());
        return backOffice.openSubAccount(opening.accountId(), opening.handle(), opening.streamerId());
    }

    private Map<String, Object> apply(ActionRequest actionRequest, Map<String, Object> account) {
        Intent request = Intent.of(actionRequest);
        check(request, account);
        String id = request.accountId();
        return switch (request.action()) {
            case OPEN_SUB_ACCOUNT -> throw new AccountProblem(AccountProblem.Kind.NOT_ALLOWED, id + " already exists");
            case EMERGENCY_PAUSE -> backOffice.pauseLive(id);
            case SUSPEND_LIVE -> backOffice.suspendLive(id, Duration.ofDays(suspensionDays(request)));
            case RESTORE_LIVE -> backOffice.restoreLive(id);
            case DOWNGRADE_PERMISSIONS -> backOffice.downgradePermissions(id, level(request));
            case DISABLE -> backOffice.disable(id);
            case CANCEL_ACCOUNT -> backOffice.cancel(id);
            case TRANSFER_FANS -> backOffice.transferFans(id, transferTarget(request, true));
            case RECLAIM_SUB_ACCOUNT -> backOffice.reclaim(id);
            case ROTATE_STREAM_KEY -> backOffice.rotateStreamKey(id);
        };
    }

    private Map<String, Object> lockAccount(String accountId) {
        return readAccount(accountId, true);
    }

    private Map<String, Object> readAccount(String accountId, boolean lock) {
        requireText(accountId, "accountId");
        try {
            return jdbc.queryForMap("select id, kind, status, authorized_streamer from governance.accounts where id = ?" + (lock ? " for update" : ""), accountId);
        } catch (EmptyResultDataAccessException e) {
            throw new AccountProblem(AccountProblem.Kind.UNKNOWN_ACCOUNT, "No account " + accountId);
        }
    }

    private int suspensionDays(Intent request) {
        Object days = request.parameters().get("suspensionDays");
        if (!(days instanceof Number number) || number.doubleValue() != number.intValue()
                || number.intValue() < 1 || number.intValue() > MAX_SUSPENSION_DAYS) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER,
                    "suspensionDays must be a whole number from 1 to " + MAX_SUSPENSION_DAYS + ", not " + days);
        }
        return number.intValue();
    }

    private static PermissionLevel level(Intent request) {
        Object level = request.parameters().getOrDefault("level", PermissionLevel.STREAMER_BASIC.name());
        try {
            return PermissionLevel.valueOf(level.toString());
        } catch (IllegalArgumentException e) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER, "level must be one of STREAMER_BASIC, OPERATOR, MANAGEMENT, not " + level);
        }
    }

    private String transferTarget(Intent request, boolean lock) {
        Object target = request.parameters().get("targetAccountId");
        if (!(target instanceof String targetId) || targetId.equals(request.accountId())) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER, "targetAccountId must name another company account");
        }
        Map<String, Object> targetAccount = readAccount(targetId, lock);
        if (!Set.of("ACTIVE", "PAUSED", "SUSPENDED").contains((String) targetAccount.get("status"))) {
            throw new AccountProblem(AccountProblem.Kind.NOT_ALLOWED, "Fans cannot go to " + targetId + ", which is " + targetAccount.get("status"));
        }
        return targetId;
    }

    private static AccountProblem notAllowed(Intent request, String status) {
        return new AccountProblem(AccountProblem.Kind.NOT_ALLOWED, request.action() + " is not possible on " + request.accountId()
                + ", which is " + status);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER, name + " is required");
        }
    }

    private Optional<ActionRecord> find(String actionId) {
        return jdbc.query("select * from governance.account_actions where action_id = ?", (rs, row) -> toRecord(rs), actionId)
                .stream().findFirst();
    }

    private ActionRecord toRecord(java.sql.ResultSet rs) throws java.sql.SQLException {
        ActionRequest request = new ActionRequest(rs.getString("action_id"), AccountAction.valueOf(rs.getString("action")),
                rs.getString("account_id"), rs.getString("actor"), rs.getString("reason"), rs.getString("approval_reference"),
                rs.getString("process_instance_id"), fromJson(rs.getString("parameters")));
        return new ActionRecord(request, fromJson(rs.getString("outcome")), rs.getObject("executed_at", OffsetDateTime.class), false);
    }

    private String toJson(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> fromJson(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
