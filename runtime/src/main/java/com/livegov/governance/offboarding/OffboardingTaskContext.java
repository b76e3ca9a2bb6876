package com.livegov.governance.offboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.livegov.governance.history.ProcessHistory;
import com.livegov.governance.taskcontext.Subjects;
import com.livegov.governance.taskcontext.TaskContextSource;
import com.livegov.governance.taskcontext.TaskDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The context of the offboarding's tasks: the 24-hour clock (departure, warning, deadline, time left, breach),
 * the accounts closed at the start and the handover steps done, with who and when.
 */
@Component
class OffboardingTaskContext implements TaskContextSource {

    private final JdbcTemplate jdbc;
    private final Subjects subjects;
    private final ProcessHistory history;
    private final Clock clock = Clock.systemUTC();

    OffboardingTaskContext(JdbcTemplate jdbc, Subjects subjects, ProcessHistory history) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.history = history;
    }

    @Override
    public Set<String> processIds() {
        return Set.of(StreamerOffboarding.PROCESS_ID);
    }

    @Override
    public TaskDetails details(TaskFacts task) {
        String offboarding = task.processInstanceId();
        return jdbc.query("""
                select streamer_id, departure_time, warning_at, deadline_at, breached_at
                from governance.offboardings where process_instance_id = ?""",
                (rs, row) -> {
                    Instant deadline = instant(rs.getObject("deadline_at", OffsetDateTime.class));
                    long secondsLeft = Duration.between(clock.instant(), deadline).getSeconds();
                    return (TaskDetails) new TaskDetails.OffboardingClock(subjects.streamer(rs.getString("streamer_id")).orElse(null),
                            instant(rs.getObject("departure_time", OffsetDateTime.class)),
                            instant(rs.getObject("warning_at", OffsetDateTime.class)), deadline, secondsLeft,
                            Math.floorDiv(secondsLeft, 3600), instant(rs.getObject("breached_at", OffsetDateTime.class)),
                            accountsClosed(offboarding), stepsDone(offboarding));
                }, offboarding).stream().findFirst().orElseGet(TaskDetails.None::new);
    }

    private List<String> accountsClosed(String offboarding) {
        return jdbc.queryForList("""
                select account_id from governance.account_actions
                where process_instance_id = ? and action = 'DISABLE' order by executed_at, account_id""", String.class, offboarding);
    }

    /** The tasks completed so far in this offboarding. */
    private List<TaskDetails.Step> stepsDone(String offboarding) {
        history.flush();
        return jdbc.query("""
                select node_id, node_name, actor, occurred_at from governance.process_events
                where process_instance_id = ? and event_type = 'TASK_COMPLETED' order by id""",
                (rs, row) -> new TaskDetails.Step(rs.getString("node_id"), rs.getString("node_name"), rs.getString("actor"),
                        instant(rs.getObject("occurred_at", OffsetDateTime.class))), offboarding);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
