package com.livegov.governance.taskcontext;

import java.util.Collection;

import org.springframework.stereotype.Component;

/**
 * Kogito 10.1's rule for the tasks a user sees ({@code UserTaskInstanceEntity.GetInstanceByIdentity} of its JPA
 * store, behind {@code GET /usertasks/instance}): the owner; an administrator of the task, by name or group; a
 * potential user who is not excluded; a member of a potential group (Kogito does not apply the exclusion there).
 */
@Component
class KogitoTaskVisibility implements TaskVisibility {

    @Override
    public boolean sees(TaskViewer viewer, TaskPeople task) {
        String user = viewer.user();
        return user.equals(task.owner())
                || task.adminUsers().contains(user)
                || intersects(task.adminGroups(), viewer.groups())
                || task.potentialUsers().contains(user) && !task.excludedUsers().contains(user)
                || intersects(task.potentialGroups(), viewer.groups());
    }

    private static boolean intersects(Collection<String> values, Collection<String> others) {
        return values.stream().anyMatch(others::contains);
    }
}
