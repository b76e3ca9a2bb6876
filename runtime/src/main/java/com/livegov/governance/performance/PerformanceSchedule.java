package com.livegov.governance.performance;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly schedule that assesses the previous month: a db-scheduler recurring task with a cron expression from
 * {@code governance.performance.schedule}, run by the application's one db-scheduler (see
 * {@code timers/TimerSchedulerConfig}), as the commission settlement's. The task has one stable id, so several
 * instances sharing the database run it once; a run that fell due while every instance was down runs at the next
 * start. A run starts the same assessments as HR's API does, with {@code startedBy = "schedule"}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PerformanceProperties.class)
class PerformanceSchedule {

    static final String TASK_NAME = "performance-assessment-monthly";
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);

    @Bean
    RecurringTask<Void> monthlyPerformanceTask(PerformanceStarter starter, PerformanceProperties properties) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(properties.schedule(), properties.zone()))
                // a refused month is logged by the starter; only a technical failure comes here, and is retried
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .execute((instance, context) -> starter.startPreviousMonth());
    }
}
