package com.livegov.governance.taskcontext;

import java.util.Optional;

import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.view.UserTaskView;
import org.springframework.stereotype.Component;

/**
 * Finds a task through Kogito's own user-task service and lets it through only when the viewer may see it.
 * Kogito 10.1's {@code getUserTaskInstance} checks nobody: the visibility is {@link TaskVisibility}'s.
 */
@Component
class VisibleTasks {

    private final UserTaskService userTasks;
    private final TaskVisibility visibility;

    VisibleTasks(UserTaskService userTasks, TaskVisibility visibility) {
        this.userTasks = userTasks;
        this.visibility = visibility;
    }

    Optional<UserTaskView> find(String taskId, TaskViewer viewer) {
        if (taskId == null || taskId.isBlank()) {
            return Optional.empty();
        }
        return userTasks.getUserTaskInstance(taskId, identity(viewer))
                .filter(task -> visibility.sees(viewer, new TaskVisibility.TaskPeople(task.getActualOwner(), task.getPotentialUsers(),
                        task.getPotentialGroups(), task.getAdminUsers(), task.getAdminGroups(), task.getExcludedUsers())));
    }

    UserTaskView require(String taskId, TaskViewer viewer) {
        return find(taskId, viewer).orElseThrow(() -> new TaskNotFound(taskId));
    }

    /** The viewer as Kogito's identity: the login's name and groups. */
    static IdentityProvider identity(TaskViewer viewer) {
        return IdentityProviders.of(viewer.user(), viewer.groups());
    }
}
