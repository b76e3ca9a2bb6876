package com.livegov.governance.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.livegov.governance.config.TransactionState;
import com.livegov.governance.security.OnBehalfOf;
import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.events.UserTaskStateEvent;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code governance.task_index} in step with Kogito's tasks, from its user-task events, in the transaction
 * of the task change: a row when a task is created (name, process, process instance, node instance,
 * description), its state on every change, its due time ({@link TaskDueTimes}), and when it ends (Kogito then
 * deletes the task from its own table) the time, and for a completion who completed it (a substitute, and on whose
 * behalf).
 *
 * <p>Kogito fires a state event for every property it sets while creating a task, before the process metadata is
 * there, so each event fills in what it knows. Inside a transaction the events of a task are gathered and the row
 * is written once, just before the commit (about eight writes of one row per new task otherwise); without a
 * transaction each event is written at once.
 */
@Component
class TaskIndexRecorder implements UserTaskEventListener {

    private static final Set<String> ENDED = Set.of("Completed", "Error", "Obsolete");
    private static final String COMPLETED = "Completed";
    private static final String ENGINE_USER = "WORKFLOW_ENGINE_USER";

    private final JdbcTemplate jdbc;

    TaskIndexRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void onUserTaskState(UserTaskStateEvent event) {
        if (event.getNewStatus() == null) {
            return;
        }
        UserTaskInstance task = event.getUserTaskInstance();
        String state = event.getNewStatus().getName();
        Change change = changeOf(task.getId());
        if (!ENDED.contains(state)) {
            Map<String, Object> metadata = task.getMetadata();
            change.open(task.getTaskName() == null ? task.getUserTaskId() : task.getTaskName(), text(metadata.get("ProcessId")),
                    text(metadata.get("ProcessInstanceId")), text(metadata.get("NodeInstanceId")), task.getTaskDescription(), state);
        } else {
            Optional<OnBehalfOf> acting = OnBehalfOf.current();
            String completedBy = !COMPLETED.equals(state) ? null : acting.map(OnBehalfOf::substitute).orElseGet(() -> actor(event));
            String onBehalfOf = !COMPLETED.equals(state) ? null : acting.map(OnBehalfOf::absentUser).orElse(null);
            change.end(state, completedBy, onBehalfOf);
        }
        writeUnlessDeferred(change);
    }

    /** The task's due time is the last firing of these timer jobs ({@code governance.scheduled_tasks}). */
    void dueWithTimers(String taskId, List<String> timerJobs) {
        Change change = changeOf(taskId);
        change.timerJobs = List.copyOf(timerJobs);
        writeUnlessDeferred(change);
    }

    private Change changeOf(String taskId) {
        Pending pending = TransactionState.current(this, Pending.class, Pending::new);
        return pending == null ? new Change(taskId, false) : pending.changes.computeIfAbsent(taskId, id -> new Change(id, true));
    }

    private void writeUnlessDeferred(Change change) {
        if (!change.deferred) {
            write(change);
        }
    }

    private void write(Change change) {
        if (change.state != null) {
            jdbc.update("""
                    insert into governance.task_index (task_id, task_name, process_id, process_instance_id, node_instance_id, description, state)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (task_id) do update set state = excluded.state, task_name = excluded.task_name,
                        process_id = coalesce(excluded.process_id, task_index.process_id),
                        process_instance_id = coalesce(excluded.process_instance_id, task_index.process_instance_id),
                        node_instance_id = coalesce(excluded.node_instance_id, task_index.node_instance_id),
                        description = coalesce(excluded.description, task_index.description)""",
                    change.taskId, change.taskName, change.processId, change.processInstanceId, change.nodeInstanceId,
                    change.description, change.state);
        }
        if (change.timerJobs != null) {
            jdbc.update("""
                    update governance.task_index set due_at = (
                        select max(execution_time) from governance.scheduled_tasks where task_name = ? and task_instance = any(?))
                    where task_id = ?""", TaskDueTimes.KOGITO_TIMER, change.timerJobs.toArray(String[]::new), change.taskId);
        }
        if (change.endState != null) {
            jdbc.update("""
                    update governance.task_index set state = ?, ended_at = now(), completed_by = ?, completed_on_behalf_of = ?
                    where task_id = ?""", change.endState, change.completedBy, change.completedOnBehalfOf, change.taskId);
        }
    }

    /** Who Kogito says acted (the login), else the task's owner. */
    private static String actor(UserTaskStateEvent event) {
        String reported = event.getEventUser();
        return reported != null && !reported.isBlank() && !ENGINE_USER.equals(reported) ? reported : event.getUserTaskInstance().getActualOwner();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** What one transaction learnt of one task, merged as the row's SQL would merge the single writes. */
    private static final class Change {

        final String taskId;
        final boolean deferred;
        String taskName;
        String processId;
        String processInstanceId;
        String nodeInstanceId;
        String description;
        String state;
        List<String> timerJobs;
        String endState;
        String completedBy;
        String completedOnBehalfOf;

        Change(String taskId, boolean deferred) {
            this.taskId = taskId;
            this.deferred = deferred;
        }

        void open(String name, String process, String processInstance, String nodeInstance, String text, String newState) {
            taskName = name;
            processId = process != null ? process : processId;
            processInstanceId = processInstance != null ? processInstance : processInstanceId;
            nodeInstanceId = nodeInstance != null ? nodeInstance : nodeInstanceId;
            description = text != null ? text : description;
            state = newState;
            endState = null;
        }

        void end(String newState, String by, String onBehalfOf) {
            endState = newState;
            completedBy = by;
            completedOnBehalfOf = onBehalfOf;
        }
    }

    /** The changes of one transaction, written in the order their tasks were first touched, before it commits. */
    private final class Pending extends TransactionState {

        final Map<String, Change> changes = new LinkedHashMap<>();

        Pending() {
            super(TaskIndexRecorder.this);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            changes.values().forEach(TaskIndexRecorder.this::write);
        }
    }
}
