package com.livegov.governance.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an admin reads of a failed step: the message, without class names, jBPM's location prefix or a trace. */
class InstanceErrorTest {

    @Test
    void classNamesAndTheLocationPrefixAreTakenOff() {
        assertThat(InstanceError.inWords("com.livegov.governance.violations.ViolationRefused: No streamer ghost"))
                .isEqualTo("No streamer ghost");
        assertThat(InstanceError.inWords("[violationEscalation:4f54e02b - Open the violation case:3] -- No streamer ghost"))
                .isEqualTo("No streamer ghost");
        assertThat(InstanceError.inWords("org.jbpm.workflow.instance.WorkflowRuntimeException: [violationEscalation:4f - x:3] -- "
                + "java.lang.IllegalStateException: Accounts of lin are still open: [lin-live]"))
                .isEqualTo("Accounts of lin are still open: [lin-live]");
    }

    @Test
    void onlyTheFirstLineIsKeptAndALongMessageIsShortened() {
        assertThat(InstanceError.inWords("Boom\n\tat com.example.Thing.run(Thing.java:12)")).isEqualTo("Boom");
        assertThat(InstanceError.inWords("x".repeat(400))).hasSize(301).endsWith("…");
        assertThat(InstanceError.inWords(null)).isEmpty();
    }

    @Test
    void theDeepestCauseWithAMessageSpeaks() {
        RuntimeException failure = new RuntimeException("Unable to execute Action",
                new IllegalStateException("No streamer ghost", new NullPointerException()));
        assertThat(InstanceError.deepestMessage(failure, "fallback")).isEqualTo("No streamer ghost");
        assertThat(InstanceError.deepestMessage(null, "java.lang.IllegalArgumentException: bad")).isEqualTo("bad");
    }
}
