package com.livegov.governance.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** A process instance started (actor: who started it; details: the process and its start data). */
    PROCESS_STARTED,
    /** A process instance ended: completed, aborted or failed (details: the state). */
    PROCESS_ENDED,
    /** A human task was created for its users or groups. */
    TASK_CREATED,
    /** A user took a task. */
    TASK_CLAIMED,
    /** A user gave a task back to its group. */
    TASK_RELEASED,
    /** A user completed a task (details: what they entered, e.g. the approval and its comment). */
    TASK_COMPLETED,
    /** A task went to other users or groups. */
    TASK_REASSIGNED,
    /** A deadline passed: a boundary timer cancelled a task and sent it upward, or warned on a deadline. */
    TASK_ESCALATED,
    /** A task ended without being completed (cancelled by a deadline or the process, skipped, failed). */
    TASK_CANCELLED,
    /** A comment on a task was added, changed or removed (details: the comment id and text). */
    TASK_COMMENTED,
    /** An account action was executed (details: the action id, parameters and outcome; the approval). */
    ACCOUNT_ACTION,
    /** A decision was evaluated (details: the evaluation id, the decision and its version). */
    DECISION_EVALUATED,
    /** A user named an out-of-office substitute for a period (details: the substitute, from, until). */
    SUBSTITUTE_NAMED,
    /** A user removed a substitute they had named. */
    SUBSTITUTE_REMOVED,
    /**
     * Existing data was brought in from a file (streamers and their sub-accounts, monthly figures): one entry for the
     * file (its SHA-256, what it held, the counts) and one per streamer created or updated, with what changed.
     */
    DATA_IMPORTED,
    /** Somebody failed to log in. */
    LOGIN_FAILED,
    /** A request was refused: bad data, a task that is not the user's, separation of duties, no permission. */
    REQUEST_REFUSED,
    /** An admin retried the failed step of a process instance (details: the step, its error, the state after). */
    PROCESS_RETRIED,
    /** A decision model's version was published from the build (details: model, number, hash, source). */
    DECISION_PUBLISHED,
    /** An owner started a draft of a decision model from the version in force. */
    DECISION_DRAFTED,
    /** An owner saved a draft (details: the hash and what the checks found). */
    DECISION_DRAFT_SAVED,
    /** A version was submitted for a second owner's approval, with a change note (or proposed by a deploy). */
    DECISION_SUBMITTED,
    /** The author withdrew a draft or a submitted version. */
    DECISION_WITHDRAWN,
    /** A second owner approved a version (details: effective from and until, the comment). */
    DECISION_APPROVED,
    /** A second owner rejected a version, with a comment. */
    DECISION_REJECTED,
    /** An owner put the previous version back in force at once, with a reason. */
    DECISION_ROLLED_BACK,
    /** A second owner confirmed a rollback. */
    DECISION_ROLLBACK_CONFIRMED,
    /** An ops-manager reviewed a streamer's monthly performance (details: the month and the comment the streamer sees). */
    PERFORMANCE_REVIEWED,
    /** HR decided an improvement case after three weak months: training, change of role or negotiated end (details: why). */
    IMPROVEMENT_DECIDED
}
