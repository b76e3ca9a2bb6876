package com.livegov.governance.inbox;

/**
 * What became of one task of a bulk claim, release or reassignment.
 *
 * @param taskId the task
 * @param outcome {@code CLAIMED}, {@code RELEASED}, {@code REASSIGNED}, {@code REFUSED} (not allowed: the reason
 *        says why) or {@code NOT_FOUND} (no open task with this id)
 * @param detail why, for a refusal; who has it now otherwise
 */
public record TaskResult(String taskId, Outcome outcome, String detail) {

    public enum Outcome {
        CLAIMED, RELEASED, REASSIGNED, REFUSED, NOT_FOUND
    }

    /** Whether the task changed as asked. */
    public boolean done() {
        return outcome == Outcome.CLAIMED || outcome == Outcome.RELEASED || outcome == Outcome.REASSIGNED;
    }
}
