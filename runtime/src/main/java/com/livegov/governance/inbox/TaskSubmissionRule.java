package com.livegov.governance.inbox;

import java.util.List;
import java.util.Map;

import org.kie.kogito.usertask.UserTaskInstance;

/**
 * A check of a task's submission against the application's data, beyond what its form can state (the backup
 * streamers named for a streamer exist and are active). Every bean is asked when a task is completed or its
 * outputs are set, after the form check passed; refused fields answer 400 like the form's, and the task stays
 * as it was.
 */
public interface TaskSubmissionRule {

    /**
     * @param task the task being completed
     * @param data the submitted fields (already checked against the task's form)
     * @param completing true for a completion; false when outputs are set, which may be a partial save
     * @return the refused fields; empty when the submission is acceptable or the rule is not about this task
     */
    List<TaskForms.FieldError> check(UserTaskInstance task, Map<String, Object> data, boolean completing);
}
