package com.livegov.governance.taskcontext;

import java.util.Set;

/**
 * Whether a user may see a task. The default, {@link KogitoTaskVisibility}, is Kogito 10.1's own rule; a rule
 * that also knows substitutes replaces it by being a {@code @Primary} bean.
 */
public interface TaskVisibility {

    boolean sees(TaskViewer viewer, TaskPeople task);

    /** The task's people, as Kogito stores them. */
    record TaskPeople(String owner, Set<String> potentialUsers, Set<String> potentialGroups, Set<String> adminUsers,
            Set<String> adminGroups, Set<String> excludedUsers) {

        public TaskPeople {
            potentialUsers = potentialUsers == null ? Set.of() : Set.copyOf(potentialUsers);
            potentialGroups = potentialGroups == null ? Set.of() : Set.copyOf(potentialGroups);
            adminUsers = adminUsers == null ? Set.of() : Set.copyOf(adminUsers);
            adminGroups = adminGroups == null ? Set.of() : Set.copyOf(adminGroups);
            excludedUsers = excludedUsers == null ? Set.of() : Set.copyOf(excludedUsers);
        }
    }
}
