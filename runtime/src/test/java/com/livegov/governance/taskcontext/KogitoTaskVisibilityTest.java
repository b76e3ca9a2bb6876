package com.livegov.governance.taskcontext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.livegov.governance.taskcontext.TaskVisibility.TaskPeople;
import org.junit.jupiter.api.Test;

/** Who sees a task, by Kogito 10.1's listing rule. */
class KogitoTaskVisibilityTest {

    private final TaskVisibility visibility = new KogitoTaskVisibility();

    private static TaskViewer nora() {
        return new TaskViewer("nora", Set.of("ops-manager"));
    }

    private static TaskPeople forGroups(String... groups) {
        return new TaskPeople(null, Set.of(), Set.of(groups), Set.of(), Set.of(), Set.of());
    }

    @Test
    void aMemberOfAPotentialGroupSeesTheTask() {
        assertThat(visibility.sees(nora(), forGroups("ops-manager", "legal"))).isTrue();
    }

    @Test
    void someoneOutsideEveryGroupDoesNotSeeIt() {
        assertThat(visibility.sees(nora(), forGroups("director"))).isFalse();
    }

    @Test
    void theOwnerSeesTheTaskWhateverTheGroups() {
        assertThat(visibility.sees(nora(), new TaskPeople("nora", Set.of(), Set.of("director"), Set.of(), Set.of(), Set.of()))).isTrue();
    }

    @Test
    void aPotentialUserSeesItUnlessExcluded() {
        assertThat(visibility.sees(nora(), new TaskPeople(null, Set.of("nora"), Set.of(), Set.of(), Set.of(), Set.of()))).isTrue();
        assertThat(visibility.sees(nora(), new TaskPeople(null, Set.of("nora"), Set.of(), Set.of(), Set.of(), Set.of("nora")))).isFalse();
    }

    @Test
    void anAdministratorByNameOrGroupSeesIt() {
        assertThat(visibility.sees(nora(), new TaskPeople(null, Set.of(), Set.of("director"), Set.of("nora"), Set.of(), Set.of()))).isTrue();
        assertThat(visibility.sees(nora(), new TaskPeople(null, Set.of(), Set.of("director"), Set.of(), Set.of("ops-manager"), Set.of())))
                .isTrue();
    }

    @Test
    void exclusionDoesNotHideATaskSeenThroughAGroupAsInKogito() {
        assertThat(visibility.sees(nora(), new TaskPeople(null, Set.of(), Set.of("ops-manager"), Set.of(), Set.of(), Set.of("nora"))))
                .isTrue();
    }
}
