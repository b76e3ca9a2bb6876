package com.livegov.governance.inbox;

/** One task of a bulk request that may not change as asked (the reason is the message). */
class TaskRefused extends RuntimeException {

    private final TaskResult.Outcome outcome;

    TaskRefused(TaskResult.Outcome outcome, String reason) {
        super(reason);
        this.outcome = outcome;
    }

    TaskResult result(String taskId) {
        return new TaskResult(taskId, outcome, getMessage());
    }
}
