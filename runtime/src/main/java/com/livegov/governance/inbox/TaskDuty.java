package com.livegov.governance.inbox;

import java.util.Optional;

import org.kie.kogito.usertask.UserTaskInstance;

/**
 * A rule on who may take or complete a task (separation of duties). Every bean is asked before a task is
 * claimed or completed; a refusal answers 403 with its reason and changes nothing.
 */
public interface TaskDuty {

    /**
     * @param task the task
     * @param user the acting user
     * @return why the user may not act on the task, or empty when they may
     */
    Optional<String> refuse(UserTaskInstance task, String user);
}
