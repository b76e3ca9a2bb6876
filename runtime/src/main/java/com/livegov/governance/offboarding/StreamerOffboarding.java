package com.livegov.governance.offboarding;

/** The offboarding within 24 hours ({@code processes/streamerOffboarding.bpmn}). */
public final class StreamerOffboarding {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "streamerOffboarding";

    private StreamerOffboarding() {
    }
}
