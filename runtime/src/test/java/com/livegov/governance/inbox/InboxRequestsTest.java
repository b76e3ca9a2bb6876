package com.livegov.governance.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The inbox's parameters as scripts write them, and the team each lead group gets from the configuration. */
class InboxRequestsTest {

    private static final InboxProperties TEAMS = new InboxProperties(Map.of(
            "ops-manager", List.of("ops", "ops-manager"),
            "director", List.of("ops", "ops-manager", "legal", "hr", "director"),
            "admin", List.of("*")), "ops-manager");

    @Test
    void viewsAndSortsAreReadByTheirUrlNames() {
        assertThat(InboxRequests.view("groups-unassigned")).isEqualTo(InboxView.GROUPS_UNASSIGNED);
        assertThat(InboxRequests.view("COMPLETED_BY_ME")).isEqualTo(InboxView.COMPLETED_BY_ME);
        assertThat(InboxRequests.view(null)).isEqualTo(InboxView.MINE);
        assertThat(InboxSort.of("-created")).contains(InboxSort.CREATED_DESC);
        assertThat(InboxSort.of("due_asc")).contains(InboxSort.DUE_ASC);
        assertThat(InboxSort.of("priority")).isEmpty();
    }

    @Test
    void aFilterWithNothingGivenIsTheFirstPageOfTwentySoonestDueFirst() {
        InboxFilter filter = InboxRequests.filter(" ", null, null, null, "", null, null, null);

        assertThat(filter).isEqualTo(new InboxFilter(null, null, false, null, null, InboxSort.DUE_ASC, 0, 20));
    }

    @Test
    void everyMalformedParameterIsNamed() {
        assertRefused(() -> InboxRequests.filter(null, null, "yes", null, null, null, null, null), "overdue");
        assertRefused(() -> InboxRequests.filter(null, null, null, "2026-12-24", null, null, null, null), "dueBefore");
        assertRefused(() -> InboxRequests.filter(null, null, null, null, null, "urgent", null, null), "sort");
        assertRefused(() -> InboxRequests.filter(null, null, null, null, null, null, "-1", null), "page");
        assertRefused(() -> InboxRequests.filter(null, null, null, null, null, null, null, "101"), "size");
        assertRefused(() -> InboxRequests.filter(null, null, null, null, null, null, null, "0"), "size");
        assertRefused(() -> InboxRequests.filter(null, null, null, null, "x".repeat(201), null, null, null), "text");
        assertRefused(() -> InboxRequests.taskIds(Map.of("taskIds", List.of())), "taskIds");
        assertRefused(() -> InboxRequests.taskIds(Map.of("taskIds", java.util.Collections.nCopies(101, "t"))), "taskIds");
        assertRefused(() -> InboxRequests.onlyFields(Map.of("taskIds", List.of("t"), "owner", "me"), Set.of("taskIds")), "owner");
        assertThat(InboxRequests.filter(null, null, null, "2026-12-24T08:00:00Z", null, null, null, "100").dueBefore())
                .isEqualTo(Instant.parse("2026-12-24T08:00:00Z"));
    }

    @Test
    void eachLeadGroupGetsItsConfiguredTeamAndOthersNone() {
        assertThat(Team.of(new InboxUser("mia", Set.of("ops-manager")), TEAMS))
                .isEqualTo(new Team(false, Set.of("ops", "ops-manager"), true));
        assertThat(Team.of(new InboxUser("dora", Set.of("director", "ops")), TEAMS))
                .isEqualTo(new Team(false, Set.of("ops", "ops-manager", "legal", "hr", "director"), false));
        assertThat(Team.of(new InboxUser("ada", Set.of("admin")), TEAMS).everything()).isTrue();
        assertThat(Team.of(new InboxUser("otto", Set.of("ops", "legal")), TEAMS)).isNull();
    }

    private static void assertRefused(Runnable request, String parameter) {
        assertThatThrownBy(request::run).isInstanceOf(InvalidInboxRequest.class)
                .satisfies(e -> assertThat(((InvalidInboxRequest) e).parameter()).isEqualTo(parameter));
    }
}
