package com.livegov.governance.inbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.livegov.governance.security.OnBehalfOf;
import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.events.UserTaskStateEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code governance.task_index} in step with Kogito's tasks, from its user-task events, in the transaction
 * of the task change (Kogito fires a state event for every property it sets while creating a task, before the
 * process metadata is there, so each event fills in what it knows): a row when a task is created (name, process, process instance, node instance,
 * description), its state on every change, and when it ends (Kogito then deletes the task from its own table)
 * the time, and for a completion who completed it (a substitute, and on whose behalf). The due time is added by
 * {@link TaskDueTimes}.
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
        if (!ENDED.contains(state)) {
            Map<String, Object> metadata = task.getMetadata();
            jdbc.update("""
                    insert into governance.task_index (task_id, task_name, process_id, process_instance_id, node_instance_id, description, state)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (task_id) do update set state = excluded.state, task_name = excluded.task_name,
                        process_id = coalesce(excluded.process_id, task_index.process_id),
                        process_instance_id = coalesce(excluded.process_instance_id, task_index.process_instance_id),
                        node_instance_id = coalesce(excluded.node_instance_id, task_index.node_instance_id),
                        description = coalesce(excluded.description, task_index.description)""",
                    task.getId(), task.getTaskName() == null ? task.getUserTaskId() : task.getTaskName(), text(metadata.get("ProcessId")),
                    text(metadata.get("ProcessInstanceId")), text(metadata.get("NodeInstanceId")), task.getTaskDescription(), state);
            return;
        }
        Optional<OnBehalfOf> acting = OnBehalfOf.current();
        String completedBy = !COMPLETED.equals(state) ? null : acting.map(OnBehalfOf::substitute).orElseGet(() -> actor(event));
        String onBehalfOf = !COMPLETED.equals(state) ? null : acting.map(OnBehalfOf::absentUser).orElse(null);
        jdbc.update("""
                update governance.task_index set state = ?, ended_at = now(), completed_by = ?, completed_on_behalf_of = ?
                where task_id = ?""", state, completedBy, onBehalfOf, task.getId());
    }

    /** Who Kogito says acted (the login), else the task's owner. */
    private static String actor(UserTaskStateEvent event) {
        String reported = event.getEventUser();
        return reported != null && !reported.isBlank() && !ENGINE_USER.equals(reported) ? reported : event.getUserTaskInstance().getActualOwner();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
