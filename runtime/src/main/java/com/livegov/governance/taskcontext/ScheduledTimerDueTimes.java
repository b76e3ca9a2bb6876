package com.livegov.governance.taskcontext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.livegov.governance.timers.TimerProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Due times read from the durable timers ({@code governance.scheduled_tasks}, see {@code timers/DurableJobsService}):
 * a BPMN boundary timer on a user task is scheduled for the task's node instance, one on a sub-process for the
 * sub-process's node instance, a deadline Kogito sets on the task itself for the user-task instance.
 *
 * <p>Which timer is the task's deadline: one set on the task itself, else the earliest on its node instance
 * (an interrupting deadline such as {@code Timer_Level1Deadline}), else the <em>latest</em> on a sub-process around
 * it (a sub-process's earlier timers are warnings before its deadline, such as the offboarding's 20-hour warning
 * before the 24-hour deadline).
 */
@Component
class ScheduledTimerDueTimes implements TaskDueTimes {

    /** The db-scheduler task that runs every Kogito timer ({@code timers/TimerSchedulerConfig}). */
    private static final String KOGITO_TIMER = "kogito-timer";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private record Timer(Instant dueAt, String nodeInstanceId, String userTaskInstanceId) {
    }

    private final JdbcTemplate jdbc;
    private final String table;

    ScheduledTimerDueTimes(JdbcTemplate jdbc, TimerProperties timers) {
        if (!TABLE_NAME.matcher(timers.table()).matches()) {
            throw new IllegalStateException("governance.timers.table is not a plain table name: " + timers.table());
        }
        this.jdbc = jdbc;
        this.table = timers.table();
    }

    @Override
    public Optional<Instant> dueTime(String processInstanceId, String taskId, Collection<String> nodeInstanceIds) {
        List<Timer> timers = pendingTimersOf(processInstanceId);
        Optional<Instant> onTask = earliest(timers, timer -> taskId.equals(timer.userTaskInstanceId()));
        if (onTask.isPresent()) {
            return onTask;
        }
        boolean innermost = true;
        for (String nodeInstanceId : nodeInstanceIds) {
            List<Instant> attached = timers.stream().filter(timer -> nodeInstanceId.equals(timer.nodeInstanceId()))
                    .map(Timer::dueAt).sorted().toList();
            if (!attached.isEmpty()) {
                return Optional.of(innermost ? attached.get(0) : attached.get(attached.size() - 1));
            }
            innermost = false;
        }
        return Optional.empty();
    }

    private static Optional<Instant> earliest(List<Timer> timers, Predicate<Timer> which) {
        return timers.stream().filter(which).map(Timer::dueAt).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    private List<Timer> pendingTimersOf(String processInstanceId) {
        return jdbc.query("""
                select execution_time, job ->> 'nodeInstanceId' as node_instance_id, job ->> 'userTaskInstanceId' as user_task_instance_id
                from (select execution_time, convert_from(task_data, 'UTF8')::jsonb as job from %s where task_name = ?) timers
                where job ->> 'processInstanceId' = ?""".formatted(table),
                (rs, row) -> new Timer(rs.getObject("execution_time", OffsetDateTime.class).toInstant(),
                        rs.getString("node_instance_id"), rs.getString("user_task_instance_id")),
                KOGITO_TIMER, processInstanceId);
    }
}
