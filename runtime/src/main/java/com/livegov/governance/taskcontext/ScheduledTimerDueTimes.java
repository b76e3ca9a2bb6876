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
 * <p>Which timer is the task's deadline: one Kogito set on the task itself, else the last firing of the nearest
 * element that has timers: the task's node ({@code Timer_Level1Deadline}), else the sub-process around it (the
 * offboarding's handover warns at 20 hours and is due at 24). The inbox's task index uses the same rule.
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
        for (String nodeInstanceId : nodeInstanceIds) {
            Optional<Instant> last = timers.stream().filter(timer -> nodeInstanceId.equals(timer.nodeInstanceId()))
                    .map(Timer::dueAt).filter(Objects::nonNull).max(Comparator.naturalOrder());
            if (last.isPresent()) {
                return last;
            }
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
