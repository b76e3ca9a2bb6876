package com.livegov.governance.offboarding;

import com.livegov.governance.config.RefusedRequest;

/**
 * An offboarding that cannot start as asked: an unknown streamer, an unreadable departure time, or a streamer
 * who is offboarded or being offboarded already (a conflict).
 */
public class OffboardingRefused extends RuntimeException implements RefusedRequest {

    private final boolean conflict;

    OffboardingRefused(String message) {
        this(message, false);
    }

    private OffboardingRefused(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    /** The streamer left already, or another offboarding of theirs runs. */
    static OffboardingRefused alreadyOffboarding(String streamerId, String status) {
        return new OffboardingRefused("Streamer " + streamerId + (status.equals("OFFBOARDED")
                ? " is offboarded already" : " is being offboarded already"), true);
    }

    @Override
    public boolean conflict() {
        return conflict;
    }
}
