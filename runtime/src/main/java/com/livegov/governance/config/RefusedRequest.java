package com.livegov.governance.config;

/**
 * Marks an exception that means "the request's data cannot be accepted" (an unknown account, a value outside
 * a decision's allowed values). When one stops a process at its start, the client gets a 400 and nothing of
 * the process is kept.
 */
public interface RefusedRequest {

    /** The message for the client. */
    String getMessage();

    /**
     * Whether the request clashes with what exists (409: a quarter reviewed already, a streamer offboarded
     * already) rather than carrying bad data (400).
     */
    default boolean conflict() {
        return false;
    }
}
