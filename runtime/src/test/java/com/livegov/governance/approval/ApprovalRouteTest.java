package com.livegov.governance.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ApprovalRouteTest {

    private static final Map<String, Object> CHAIN = Map.of(
            "level1Group", "ops-manager", "level1Deadline", "PT4H",
            "level2Group", "legal", "level2Deadline", "PT8H",
            "escalationGroup", "director");

    @Test
    void routeFollowsTheDecision() {
        assertThat(new ApprovalRoute(false).plan(CHAIN, null)).containsAllEntriesOf(CHAIN).containsEntry("executeFirst", false);
    }

    @Test
    void requestedDeadlinesAreIgnoredUnlessOverridesAreAllowed() {
        Map<String, Object> requested = Map.of("level1Deadline", "PT1S");

        assertThat(new ApprovalRoute(false).plan(CHAIN, requested)).containsEntry("level1Deadline", "PT4H");
        assertThat(new ApprovalRoute().plan(CHAIN, requested)).containsEntry("level1Deadline", "PT4H");
        assertThat(new ApprovalRoute(true).plan(CHAIN, requested))
                .containsEntry("level1Deadline", "PT1S")
                .containsEntry("level2Deadline", "PT8H");
    }

    @Test
    void deadlineThatIsNotAnIsoDurationIsRefused() {
        assertThatThrownBy(() -> new ApprovalRoute(true).plan(CHAIN, Map.of("level2Deadline", "tomorrow")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level2Deadline");
    }

    @Test
    void decisionWithoutAGroupIsRefused() {
        Map<String, Object> incomplete = Map.of("level1Group", "ops-manager", "level1Deadline", "PT4H");

        assertThatThrownBy(() -> new ApprovalRoute(false).plan(incomplete, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level2Group");
    }
}
