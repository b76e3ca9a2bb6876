package com.livegov.governance.violations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.accounts.AccountActions;
import com.livegov.governance.accounts.ActionRequest;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps that read how the approvals a violation requested ended and carry out what they allow
 * ({@code Task_ReviewApprovals}, {@code Task_RestoreLive}, {@code Task_ReviewRatification}, {@code Task_LiftPause},
 * {@code Task_TransferFans}). Every action goes through {@link AccountActions}, once per violation, account and
 * action, with the approval it rests on as its reference.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has
 * no database and refuses to work.
 */
@Component
public class ViolationMeasures {

    private static final String ACTOR = "process:" + ViolationEscalation.PROCESS_ID;

    private final JdbcTemplate jdbc;
    private final ViolationRecords records;
    private final AccountActions actions;

    public ViolationMeasures() {
        this(null, null, null);
    }

    @Autowired
    public ViolationMeasures(JdbcTemplate jdbc, ViolationRecords records, AccountActions actions) {
        this.jdbc = jdbc;
        this.records = records;
        this.actions = actions;
    }

    /**
     * After the moderate approvals: whether live streaming was suspended. The fine rides on the suspension's
     * approval: imposed (with that approval as its reference) when a suspension was approved, withdrawn if not.
     */
    public Map<String, Object> reviewApprovals(KogitoProcessContext context) {
        String violationId = processInstanceId(context);
        List<String> suspensions = concluded(violationId).stream()
                .filter(approval -> approval.action().equals(AccountAction.SUSPEND_LIVE.name()) && "APPROVED".equals(approval.outcome()))
                .map(ViolationApproval::approvalInstanceId).toList();
        boolean suspended = !suspensions.isEmpty();
        records().settleFine(violationId, suspended ? String.join(",", suspensions) : null);
        return Map.of("suspended", suspended);
    }

    /** The suspension ended: live streaming is restored on every account it suspended and that is still suspended. */
    public void restoreLive(KogitoProcessContext context) {
        undo(processInstanceId(context), AccountAction.SUSPEND_LIVE, "SUSPENDED", "the suspension ended");
    }

    /** After the ratification of the emergency pause: whether every pause was ratified, and where the fans can go. */
    public Map<String, Object> reviewRatification(String streamerId, KogitoProcessContext context) {
        boolean ratified = concluded(processInstanceId(context)).stream()
                .filter(approval -> approval.action().equals(AccountAction.EMERGENCY_PAUSE.name()))
                .allMatch(approval -> "APPROVED".equals(approval.outcome()));
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("ratified", ratified);
        review.put("transferOptions", String.join("; ", transferTargets(streamerId).entrySet().stream()
                .map(target -> target.getKey() + " (" + target.getValue() + ")").toList()));
        return review;
    }

    /** The pause was not ratified: every account it paused and that is still paused goes live again. */
    public void liftPause(KogitoProcessContext context) {
        String violationId = processInstanceId(context);
        undo(violationId, AccountAction.EMERGENCY_PAUSE, "PAUSED", "the emergency pause was not ratified");
        records().outcome(violationId, "PAUSE_NOT_RATIFIED", true);
    }

    /**
     * Moves the fans of every open sub-account of the streamer to the chosen account, which must be the main
     * account or an active sub-account of a backup streamer. A target that is not one of them is sent back to
     * operations with the reason.
     */
    public Map<String, Object> transferFans(String streamerId, String transferTarget, KogitoProcessContext context) {
        Map<String, String> targets = transferTargets(streamerId);
        if (transferTarget == null || !targets.containsKey(transferTarget)) {
            return Map.of("transferred", false, "transferProblem",
                    transferTarget + " is not a possible target; choose one of " + targets.keySet());
        }
        String violationId = processInstanceId(context);
        Map<String, String> ratifications = new LinkedHashMap<>();
        records().approvals(violationId).stream().filter(approval -> approval.action().equals(AccountAction.EMERGENCY_PAUSE.name()))
                .forEach(approval -> ratifications.put(approval.accountId(), approval.approvalInstanceId()));
        for (String account : jdbc().queryForList("""
                select id from governance.accounts where authorized_streamer = ? and status in ('ACTIVE', 'PAUSED', 'SUSPENDED')
                order by id""", String.class, streamerId)) {
            execute(violationId, AccountAction.TRANSFER_FANS, account, ratifications.get(account),
                    "severe violation: the audience goes to " + transferTarget, Map.of("targetAccountId", transferTarget));
        }
        return Map.of("transferred", true, "transferProblem", "");
    }

    /** The violation's approvals, every one ended (their outcomes recorded by {@link ViolationApprovals}). */
    private List<ViolationApproval> concluded(String violationId) {
        List<ViolationApproval> approvals = records().approvals(violationId);
        if (approvals.stream().anyMatch(approval -> approval.outcome() == null)) {
            throw new IllegalStateException("Violation " + violationId + " still has open approvals: " + approvals);
        }
        return approvals;
    }

    /** Restores live streaming on the accounts an action of this violation paused or suspended, if they still are. */
    private void undo(String violationId, AccountAction action, String status, String reason) {
        for (ViolationApproval approval : records().approvals(violationId)) {
            boolean applies = approval.action().equals(action.name())
                    && (action == AccountAction.EMERGENCY_PAUSE || "APPROVED".equals(approval.outcome()));
            String current = jdbc().queryForObject("select status from governance.accounts where id = ?", String.class, approval.accountId());
            if (applies && status.equals(current)) {
                execute(violationId, AccountAction.RESTORE_LIVE, approval.accountId(), approval.approvalInstanceId(), reason, Map.of());
            }
        }
    }

    /** The main account and the backup streamers' active sub-accounts, each with a description. */
    private Map<String, String> transferTargets(String streamerId) {
        Map<String, String> targets = new LinkedHashMap<>();
        jdbc().query("select id from governance.accounts where kind = 'MAIN_ACCOUNT' and status = 'ACTIVE' order by id",
                rs -> {
                    targets.put(rs.getString("id"), "the main account");
                });
        jdbc().query("""
                select a.id, b.backup_id, b.rank from governance.streamer_backups b
                join governance.accounts a on a.authorized_streamer = b.backup_id and a.kind = 'SUB_ACCOUNT' and a.status = 'ACTIVE'
                where b.streamer_id = ? order by b.rank, a.id""",
                rs -> {
                    targets.put(rs.getString("id"), "backup streamer " + rs.getString("backup_id") + ", rank " + rs.getInt("rank"));
                }, streamerId);
        return targets;
    }

    private void execute(String violationId, AccountAction action, String account, String approval, String reason,
            Map<String, Object> parameters) {
        actions().execute(new ActionRequest("violation:" + violationId + ":" + account + ":" + action, action, account, ACTOR,
                "violation " + violationId + ": " + reason, approval, violationId, parameters));
    }

    private static String processInstanceId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private JdbcTemplate jdbc() {
        return require(jdbc);
    }

    private ViolationRecords records() {
        return require(records);
    }

    private AccountActions actions() {
        return require(actions);
    }

    private static <T> T require(T collaborator) {
        if (collaborator == null) {
            throw new IllegalStateException("ViolationMeasures was created without its collaborators");
        }
        return collaborator;
    }
}
