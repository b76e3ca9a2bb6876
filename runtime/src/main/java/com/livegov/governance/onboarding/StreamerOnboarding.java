package com.livegov.governance.onboarding;

/** The onboarding of a new streamer ({@code processes/streamerOnboarding.bpmn}). */
public final class StreamerOnboarding {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "streamerOnboarding";

    private StreamerOnboarding() {
    }
}
