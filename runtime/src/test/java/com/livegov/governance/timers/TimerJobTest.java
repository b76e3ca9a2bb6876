package com.livegov.governance.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.kie.kogito.jobs.DurationExpirationTime;
import org.kie.kogito.jobs.ExactExpirationTime;
import org.kie.kogito.jobs.ExpirationTime;
import org.kie.kogito.jobs.JobDescription;
import org.kie.kogito.jobs.descriptors.ProcessInstanceJobDescription;
import org.kie.kogito.jobs.descriptors.ProcessJobDescription;
import org.kie.kogito.jobs.descriptors.UserTaskInstanceJobDescription;

class TimerJobTest {

    private static final ZonedDateTime DUE = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void boundaryTimerKeepsWhatItNeedsToSignalItsProcessInstance() {
        ProcessInstanceJobDescription description = new ProcessInstanceJobDescription("job-1", "timer-3",
                ExactExpirationTime.of(DUE), 5, "pi-1", "root-pi", "accountActionApproval", "rootProcess", "ni-9");

        TimerJob job = TimerJob.of(description);

        assertThat(job).isEqualTo(new TimerJob(TimerJob.Kind.PROCESS_INSTANCE, "job-1", "accountActionApproval", "pi-1",
                "timer-3", null, "ni-9", "root-pi", "rootProcess", null, 1));
        assertThat(job.repeats()).isFalse();
        assertThat(job.remaining()).isEqualTo(1);
    }

    @Test
    void startTimerHasOneStableIdPerProcessSoReplicasScheduleItOnce() {
        TimerJob first = TimerJob.of(ProcessJobDescription.of(ExactExpirationTime.of(DUE), "quarterlyReview"));
        TimerJob second = TimerJob.of(ProcessJobDescription.of(ExactExpirationTime.of(DUE), "quarterlyReview"));

        assertThat(first.kind()).isEqualTo(TimerJob.Kind.PROCESS_START);
        assertThat(first.jobId()).isEqualTo("start:quarterlyReview").isEqualTo(second.jobId());
    }

    @Test
    void repeatingTimerCountsDownItsFiringsAndMovesByItsInterval() {
        ExpirationTime everyHourThreeTimes = DurationExpirationTime.repeat(1000, 3_600_000L, 3);
        TimerJob job = TimerJob.of(new ProcessInstanceJobDescription("job-2", "t", everyHourThreeTimes, 5, "pi", null, "p", null, null));

        assertThat(job.remaining()).isEqualTo(3);
        assertThat(job.repeats()).isTrue();
        TimerJob afterTwo = job.afterFiring().afterFiring();
        assertThat(afterTwo.remaining()).isEqualTo(1);
        assertThat(afterTwo.repeats()).as("the last firing is not rescheduled").isFalse();
        assertThat(job.nextFiring(Instant.parse("2026-11-24T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
    }

    @Test
    void unlimitedRepeatingTimerStaysUnlimited() {
        TimerJob job = TimerJob.of(new ProcessInstanceJobDescription("job-3", "t",
                DurationExpirationTime.repeat(1000, 60_000L), 5, "pi", null, "p", null, null));

        assertThat(job.remaining()).isNegative();
        assertThat(job.afterFiring().afterFiring().remaining()).isNegative();
        assertThat(job.afterFiring().repeats()).isTrue();
    }

    @Test
    void userTaskDeadlineIsRebuiltWithItsTaskAndDueTime() {
        UserTaskInstanceJobDescription description = new UserTaskInstanceJobDescription("job-4", ExactExpirationTime.of(DUE), 5,
                "task-1", "p", "pi", "ni", null, null);

        UserTaskInstanceJobDescription rebuilt = TimerJob.of(description).toUserTaskDescription(DUE.toInstant());

        assertThat(rebuilt.id()).isEqualTo("job-4");
        assertThat(rebuilt.userTaskInstanceId()).isEqualTo("task-1");
        assertThat(rebuilt.processInstanceId()).isEqualTo("pi");
        assertThat(rebuilt.expirationTime().get().toInstant()).isEqualTo(DUE.toInstant());
    }

    @Test
    void unknownKindOfJobIsRefused() {
        JobDescription unknown = new JobDescription() {
            public String id() { return "x"; }
            public ExpirationTime expirationTime() { return ExactExpirationTime.of(DUE); }
            public Integer priority() { return 5; }
            public String path() { return ""; }
        };

        assertThatThrownBy(() -> TimerJob.of(unknown)).isInstanceOf(IllegalArgumentException.class);
    }
}
