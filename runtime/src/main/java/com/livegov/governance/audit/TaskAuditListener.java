package com.livegov.governance.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.security.OnBehalfOf;

import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.events.UserTaskAssignmentEvent;
import org.kie.kogito.usertask.events.UserTaskDeadlineEvent;
import org.kie.kogito.usertask.events.UserTaskEvent;
import org.kie.kogito.usertask.events.UserTaskStateEvent;
import org.kie.kogito.usertask.lifecycle.UserTaskState;
import org.springframework.stereotype.Component;

/**
 * Records what happens to human tasks, from Kogito's user-task events (in the transaction of the transition):
 * created (Ready), claimed (Reserved), released, completed (with what the user entered), reassigned, cancelled
 * (Error or Obsolete: the task ended without completion, e.g. when a deadline's boundary timer cut it off),
 * and Kogito's own task deadlines (escalated).
 *
 * <p>Kogito's state events do not name the transition, and Kogito also fires one with an unchanged state
 * whenever it sets a property (the owner, the priority): those are left out. Reserved to Ready is a release
 * when the owner was cleared and a reassignment when it is still set (Kogito's reassign keeps it until the
 * next claim). A change of a task's users or groups after it was created is a reassignment too (while the task
 * is being created, Kogito sets them from the process's expressions: not a reassignment).
 *
 * <p>When a substitute acts on an absent user's behalf ({@link OnBehalfOf}), the actor is the substitute and the
 * entry says "acted on behalf of" the absent user ({@code details.onBehalfOf}).
 */
@Component
class TaskAuditListener implements UserTaskEventListener {

    private static final String CREATED = UserTaskState.initalized().getName();
    private static final String READY = "Ready";
    private static final String RESERVED = "Reserved";
    /** Kogito's name for itself when a process (not a person) moves a task. */
    private static final String ENGINE_USER = "WORKFLOW_ENGINE_USER";

    private final AuditTrail audit;

    TaskAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void onUserTaskState(UserTaskStateEvent event) {
        if (event.getNewStatus() == null || event.getNewStatus().equals(event.getOldStatus())) {
            return;
        }
        UserTaskInstance task = event.getUserTaskInstance();
        String to = event.getNewStatus().getName();
        String from = event.getOldStatus() == null ? null : event.getOldStatus().getName();
        AuditAction action = action(from, to, task.getActualOwner());
        if (action == null) {
            return;
        }
        Map<String, Object> details = details(task);
        details.put("from", from);
        details.put("to", to);
        if (action == AuditAction.TASK_COMPLETED) {
            details.put("outputs", task.getOutputs());
        }
        String reason = action == AuditAction.TASK_CANCELLED ? "the task ended without being completed (" + to + ")" : null;
        record(event, action, reason, details);
    }

    @Override
    public void onUserTaskAssignment(UserTaskAssignmentEvent event) {
        String[] before = event.getOldUsersId();
        String[] after = event.getNewUsersId();
        UserTaskState state = event.getUserTaskInstance().getStatus();
        if (state == null || CREATED.equals(state.getName()) || Arrays.equals(sorted(before), sorted(after))) {
            return; // set while the task is created, or set again unchanged
        }
        Map<String, Object> details = details(event.getUserTaskInstance());
        details.put("assignment", event.getAssignmentType());
        details.put("from", sorted(before));
        details.put("to", sorted(after));
        record(event, AuditAction.TASK_REASSIGNED, null, details);
    }

    @Override
    public void onUserTaskDeadline(UserTaskDeadlineEvent event) {
        Map<String, Object> details = details(event.getUserTaskInstance());
        details.put("deadline", String.valueOf(event.getType()));
        details.put("notification", event.getNotification());
        record(event, AuditAction.TASK_ESCALATED, "the task's " + event.getType() + " deadline passed", details);
    }

    static AuditAction action(String from, String to, String owner) {
        if (RESERVED.equals(to)) {
            return AuditAction.TASK_CLAIMED;
        }
        if ("Completed".equals(to)) {
            return AuditAction.TASK_COMPLETED;
        }
        if ("Error".equals(to) || "Obsolete".equals(to)) {
            return AuditAction.TASK_CANCELLED;
        }
        if (READY.equals(to)) {
            if (RESERVED.equals(from)) {
                return owner != null ? AuditAction.TASK_REASSIGNED : AuditAction.TASK_RELEASED;
            }
            return AuditAction.TASK_CREATED;
        }
        return null;
    }

    private void record(UserTaskEvent event, AuditAction action, String reason, Map<String, Object> details) {
        UserTaskInstance task = event.getUserTaskInstance();
        Optional<OnBehalfOf> acting = OnBehalfOf.current();
        if (acting.isPresent()) {
            // a substitute acted: they are the actor, the absent user is named
            details.put("onBehalfOf", acting.get().absentUser());
            reason = reason == null ? "acted on behalf of " + acting.get().absentUser() : reason + "; acted on behalf of " + acting.get().absentUser();
        }
        Object processInstanceId = task.getMetadata().get("ProcessInstanceId");
        AuditEntry entry = AuditEntry.of(action, actor(event), AuditTarget.task(task.getId()), reason).withDetails(details);
        audit.record(processInstanceId == null ? entry : entry.inProcess(processInstanceId.toString()));
    }

    /** The authenticated user; else the user Kogito reports (the request's {@code user}); else the owner; else system. */
    private static String actor(UserTaskEvent event) {
        String reported = event.getEventUser();
        if (CurrentUser.name().isPresent()) {
            return CurrentUser.name().get();
        }
        if (reported != null && !reported.isBlank() && !ENGINE_USER.equals(reported)) {
            return reported;
        }
        String owner = event.getUserTaskInstance().getActualOwner();
        return owner != null && reported == null ? owner : "system";
    }

    private static Map<String, Object> details(UserTaskInstance task) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskName", task.getTaskName());
        details.put("element", task.getUserTaskId());
        details.put("processId", task.getMetadata().get("ProcessId"));
        details.put("owner", task.getActualOwner());
        details.put("groups", sorted(task.getPotentialGroups().toArray(String[]::new)));
        details.put("users", sorted(task.getPotentialUsers().toArray(String[]::new)));
        return details;
    }

    private static String[] sorted(String[] values) {
        String[] copy = values == null ? new String[0] : values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
