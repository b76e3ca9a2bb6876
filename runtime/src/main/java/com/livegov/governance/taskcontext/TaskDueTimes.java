package com.livegov.governance.taskcontext;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When a task is due: the fire time of the deadline timer attached to it. Behind an interface so that a task
 * index may answer from its own column instead of the timer table.
 */
public interface TaskDueTimes {

    /**
     * @param processInstanceId the task's process instance
     * @param taskId the user-task instance id (for deadlines Kogito sets on the task itself)
     * @param nodeInstanceIds the task's node instance, then the node instances around it (a sub-process), innermost first
     * @return when the task's deadline timer fires (see {@code ScheduledTimerDueTimes} for which timer that is); empty when the task has none
     */
    Optional<Instant> dueTime(String processInstanceId, String taskId, Collection<String> nodeInstanceIds);
}
