package com.livegov.governance.history;

import java.util.Map;
import java.util.Optional;

import com.livegov.governance.security.OnBehalfOf;

import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.events.UserTaskStateEvent;
import org.springframework.stereotype.Component;

/**
 * Writes every state change of a human task (claimed, released, completed, ...) to {@link ProcessHistory},
 * with the user who made it: the timeline shows who did each step, not only that it happened. Kogito's
 * generated configuration collects every {@link UserTaskEventListener} bean.
 */
@Component
class TaskHistoryRecorder implements UserTaskEventListener {

    private final ProcessHistory history;

    TaskHistoryRecorder(ProcessHistory history) {
        this.history = history;
    }

    @Override
    public void onUserTaskState(UserTaskStateEvent event) {
        if (event.getNewStatus() == null || event.getNewStatus().equals(event.getOldStatus())) {
            return;
        }
        UserTaskInstance task = event.getUserTaskInstance();
        Map<String, Object> metadata = task.getMetadata();
        Object processId = metadata.get("ProcessId");
        Object processInstanceId = metadata.get("ProcessInstanceId");
        if (processInstanceId == null) {
            return;
        }
        // Kogito reports the acting user only with an identity provider; the task's owner is who claimed it.
        // A substitute acting on an absent user's behalf is the actor; the absent user (Kogito's user) is noted.
        Optional<OnBehalfOf> acting = OnBehalfOf.current();
        String actor = acting.map(OnBehalfOf::substitute)
                .orElse(event.getEventUser() != null ? event.getEventUser() : task.getActualOwner());
        history.record(String.valueOf(processId), processInstanceId.toString(),
                "TASK_" + event.getNewStatus().getName().toUpperCase(), task.getUserTaskId(), task.getTaskName(), task.getId(), actor,
                acting.map(OnBehalfOf::absentUser).orElse(null));
    }
}
