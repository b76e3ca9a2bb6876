package com.livegov.governance.inbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.UserTasks;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk claim and release of one's own tasks, and reassignment by a team lead, through Kogito's user-task service
 * (never through its unsecured management add-on): every task in a transaction of its own, every task's outcome
 * reported ({@link TaskResult}). A claim and a reassignment are put to the separation-of-duties rules
 * ({@link TaskDuty}) for the user who gets the task. The audit trail records each change (Kogito's events:
 * claimed, released) and each reassignment ({@code TASK_REASSIGNED}: the lead, the reason, from whom to whom).
 */
@Service
public class TaskAssignments {

    public static final int MAX_TASKS = 100;
    private static final String ENGINE = "WORKFLOW_ENGINE_USER";
    private static final String OWNER_PARAMETER = "USER";

    private final ObjectProvider<UserTaskService> kogito;
    private final ObjectProvider<UserTasks> userTasks;
    private final List<TaskDuty> duties;
    private final TeamLeads leads;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    TaskAssignments(ObjectProvider<UserTaskService> kogito, ObjectProvider<UserTasks> userTasks, List<TaskDuty> duties, TeamLeads leads,
            AuditTrail audit, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.kogito = kogito;
        this.userTasks = userTasks;
        this.duties = duties;
        this.leads = leads;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The user claims each task, as Kogito allows them (their name and groups) and separation of duties permits. */
    public List<TaskResult> claim(InboxUser user, List<String> taskIds) {
        IdentityProvider identity = IdentityProviders.of(user.name(), user.groups());
        return each(taskIds, task -> {
            refuseByDuties(task, user.name());
            transition(task, "claim", Map.of(), identity);
            return new TaskResult(task.getId(), TaskResult.Outcome.CLAIMED, user.name());
        });
    }

    /** The user gives each task back to its groups (only their own reserved tasks). */
    public List<TaskResult> release(InboxUser user, List<String> taskIds) {
        IdentityProvider identity = IdentityProviders.of(user.name(), user.groups());
        return each(taskIds, task -> {
            if (!user.name().equals(task.getActualOwner()) || !"Reserved".equals(task.getStatus().getName())) {
                throw new TaskRefused(TaskResult.Outcome.REFUSED, "the task is not reserved by " + user.name());
            }
            transition(task, "release", Map.of(), identity);
            return new TaskResult(task.getId(), TaskResult.Outcome.RELEASED, null);
        });
    }

    /**
     * A team lead hands each task to a named member of one of the task's candidate groups: the task is released
     * if someone holds it, then reserved for that member.
     *
     * @throws InvalidInboxRequest when the login leads no team, or the member is not a known, enabled user
     */
    public List<TaskResult> reassign(InboxUser lead, List<String> taskIds, String to, String reason) {
        Team team = leads.teamOf(lead).orElseThrow(() -> new NotATeamLead(lead.name()));
        Set<String> memberGroups = leads.enabledUsersGroups(to)
                .orElseThrow(() -> new InvalidInboxRequest("to", "'" + to + "' is not a known, enabled user"));
        IdentityProvider engine = IdentityProviders.of(ENGINE);
        return each(taskIds, task -> {
            if (!leads.isTeamTask(team, lead, task)) {
                throw new TaskRefused(TaskResult.Outcome.REFUSED, "the task is not one of " + lead.name() + "'s team");
            }
            Set<String> candidates = new LinkedHashSet<>(task.getPotentialGroups());
            candidates.retainAll(memberGroups);
            if (candidates.isEmpty() && !task.getPotentialUsers().contains(to) || task.getExcludedUsers().contains(to)) {
                throw new TaskRefused(TaskResult.Outcome.REFUSED, to + " is not a candidate of this task (groups " + task.getPotentialGroups() + ")");
            }
            if (to.equals(task.getActualOwner()) && "Reserved".equals(task.getStatus().getName())) {
                throw new TaskRefused(TaskResult.Outcome.REFUSED, "the task is reserved by " + to + " already");
            }
            refuseByDuties(task, to);
            String from = "Reserved".equals(task.getStatus().getName()) ? task.getActualOwner() : null;
            if (from != null) {
                transition(task, "release", Map.of(), engine);
            }
            transition(task, "claim", Map.of(OWNER_PARAMETER, to), engine);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("taskName", task.getTaskName());
            details.put("processId", task.getMetadata().get("ProcessId"));
            details.put("from", from);
            details.put("to", to);
            details.put("reassignedBy", lead.name());
            Object processInstance = task.getMetadata().get("ProcessInstanceId");
            AuditEntry entry = AuditEntry.of(AuditAction.TASK_REASSIGNED, lead.name(), AuditTarget.task(task.getId()),
                    reason == null || reason.isBlank() ? "reassigned to " + to : reason).withDetails(details);
            audit.record(processInstance == null ? entry : entry.inProcess(processInstance.toString()));
            return new TaskResult(task.getId(), TaskResult.Outcome.REASSIGNED, to);
        });
    }

    /** The login asked for a team lead's action without leading a team. */
    public static class NotATeamLead extends RuntimeException {
        NotATeamLead(String user) {
            super(user + " leads no team (ops-manager, director, admin) and cannot reassign tasks");
        }
    }

    private List<TaskResult> each(List<String> taskIds, Function<UserTaskInstance, TaskResult> change) {
        List<TaskResult> results = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            try {
                results.add(transaction.execute(status -> {
                    UserTaskInstance task = userTasks.getObject().instances().findById(taskId)
                            .orElseThrow(() -> new TaskRefused(TaskResult.Outcome.NOT_FOUND, "no open task has this id"));
                    return change.apply(task);
                }));
            } catch (TaskRefused refused) {
                results.add(refused.result(taskId));
            } catch (UserTaskInstanceNotAuthorizedException e) {
                results.add(new TaskResult(taskId, TaskResult.Outcome.REFUSED, "the task is not offered to you or your groups"));
            } catch (UserTaskTransitionException e) {
                results.add(new TaskResult(taskId, TaskResult.Outcome.REFUSED, "the task's state does not allow it"));
            } catch (RuntimeException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("Invalid transition")) {
                    throw e;
                }
                results.add(new TaskResult(taskId, TaskResult.Outcome.REFUSED, "the task's state does not allow it"));
            }
        }
        return results;
    }

    private void refuseByDuties(UserTaskInstance task, String user) {
        Optional<String> refusal = duties.stream().map(rule -> rule.refuse(task, user)).flatMap(Optional::stream).findFirst();
        if (refusal.isPresent()) {
            throw new TaskRefused(TaskResult.Outcome.REFUSED, refusal.get());
        }
    }

    private void transition(UserTaskInstance task, String transition, Map<String, Object> data, IdentityProvider identity) {
        kogito.getObject().transition(task.getId(), transition, data, identity)
                .orElseThrow(() -> new TaskRefused(TaskResult.Outcome.NOT_FOUND, "no open task has this id"));
    }
}
