package com.livegov.governance.demo;

import java.util.List;
import java.util.Map;

import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.view.UserTaskView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves demo work along as a person would in the inbox, through Kogito's user-task service: the member of a group
 * finds the task of a process instance, claims it and completes it with the data of its form.
 */
@Component
class DemoTasks {

    private final UserTaskService tasks;

    DemoTasks(UserTaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * The user, a member of the group, claims and completes the named task of the process instance: in one transaction
     * (Kogito's JPA task store reads the task's lazy collections, and the process's next step joins it).
     */
    @Transactional
    void complete(String processInstanceId, String taskName, String user, String group, Map<String, Object> data) {
        IdentityProvider identity = IdentityProviders.of(user, List.of(group));
        UserTaskView task = tasks.list(identity).stream()
                .filter(view -> processInstanceId.equals(view.getMetadata().get("ProcessInstanceId")) && taskName.equals(view.getTaskName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No task " + taskName + " of " + processInstanceId + " for " + user));
        if (!user.equals(task.getActualOwner())) {
            tasks.transition(task.getId(), "claim", Map.of(), identity);
        }
        tasks.transition(task.getId(), "complete", data, identity);
    }
}
