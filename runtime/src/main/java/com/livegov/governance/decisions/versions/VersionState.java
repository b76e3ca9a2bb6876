package com.livegov.governance.decisions.versions;

/** Where a version of a decision model stands. */
public enum VersionState {
    /** Being edited by its author; checked on every save. */
    DRAFT,
    /** Submitted with a change note; waits for a second owner. */
    SUBMITTED,
    /** Approved by a second owner (or the first version, from the build): in force in its period. */
    APPROVED,
    /** Refused by a second owner, with a comment. */
    REJECTED,
    /** Abandoned by its author before approval. */
    WITHDRAWN
}
