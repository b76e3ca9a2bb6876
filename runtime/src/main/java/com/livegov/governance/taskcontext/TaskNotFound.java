package com.livegov.governance.taskcontext;

/** No such task, or not one the user may see: both answer 404, so nobody learns which tasks exist. */
public class TaskNotFound extends RuntimeException {

    TaskNotFound(String taskId) {
        super("No task " + taskId);
    }
}
