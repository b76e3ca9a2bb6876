package com.livegov.governance.start;

/**
 * A start the process refused at its first steps (its request check: an account that cannot take the action, an
 * unknown streamer, a quarter reviewed already). Nothing of the process was kept.
 */
class StartRefused extends RuntimeException {

    private final transient Throwable refusal;
    private final boolean conflict;

    /**
     * @param refusal the exception the process's check threw: its message is the check's own words, its type
     *        tells which field it concerns
     * @param conflict a conflict with what exists (409), not bad input (400)
     */
    StartRefused(Throwable refusal, boolean conflict) {
        super(refusal.getMessage());
        this.refusal = refusal;
        this.conflict = conflict;
    }

    Throwable refusal() {
        return refusal;
    }

    boolean conflict() {
        return conflict;
    }
}
