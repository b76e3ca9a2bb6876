package com.livegov.governance.accounts;

/** An account action that cannot be done as asked. */
public class AccountProblem extends RuntimeException implements com.livegov.governance.config.RefusedRequest {

    /** Why. */
    public enum Kind {
        /** No such account. */
        UNKNOWN_ACCOUNT,
        /** A parameter is missing or out of range. */
        INVALID_PARAMETER,
        /** The account's state does not allow it (a cancelled account cannot be restored). */
        NOT_ALLOWED
    }

    private final Kind kind;

    AccountProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
