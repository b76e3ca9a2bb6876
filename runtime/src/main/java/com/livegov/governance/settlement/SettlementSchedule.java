package com.livegov.governance.settlement;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly schedule that settles the previous month: a db-scheduler recurring task with a cron expression
 * from {@code governance.settlement.schedule}, run by the application's one db-scheduler (see {@code timers/TimerSchedulerConfig}).
 *
 * <p>Why not a BPMN timer start event: Kogito 10.1.0 compiles a start timer's definition into the generated
 * process (no expression, no configuration), and its cycles are fixed durations ({@code R/P1M} becomes "the
 * length of the current month, repeated"), so "02:00 on the first of every month" cannot be expressed and
 * would drift. The recurring task has one stable id, so several instances sharing the database run it once; a
 * run that fell due while every instance was down runs at the next start; a changed schedule is taken over at
 * start-up. A run starts the same process as the API does, with {@code startedBy = "schedule"}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SettlementProperties.class)
class SettlementSchedule {

    static final String TASK_NAME = "commission-settlement-monthly";
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);

    @Bean
    RecurringTask<Void> monthlySettlementTask(SettlementStarter starter, SettlementProperties properties) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(properties.schedule(), properties.zone()))
                // a refused month is logged by the starter; only a technical failure comes here, and is retried
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .execute((instance, context) -> starter.startPreviousMonth());
    }
}
