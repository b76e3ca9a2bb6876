package com.livegov.governance.taskcontext;

import java.util.Optional;

import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.view.UserTaskView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds a task through Kogito's own user-task service and lets it through only when the viewer may see it.
 * Kogito 10.1's {@code getUserTaskInstance} checks nobody: the visibility is {@link TaskVisibility}'s. The task is
 * read in a (read-only) transaction, joined when there is one: its JPA store loads the task's people lazily.
 */
@Component
class VisibleTasks {

    private final UserTaskService userTasks;
    private final TaskVisibility visibility;
    private final TransactionTemplate reading;

    VisibleTasks(UserTaskService userTasks, TaskVisibility visibility, PlatformTransactionManager transactions) {
        this.userTasks = userTasks;
        this.visibility = visibility;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    Optional<UserTaskView> find(String taskId, TaskViewer viewer) {
        if (taskId == null || taskId.isBlank()) {
            return Optional.empty();
        }
        return reading.execute(status -> userTasks.getUserTaskInstance(taskId, identity(viewer)))
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
