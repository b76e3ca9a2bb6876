package com.livegov.governance.review;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quarterly schedule that starts a review of the quarter under way: a db-scheduler recurring task with the cron
 * expression of {@code governance.permission-review.schedule}, run by the application's one db-scheduler (see {@code timers/TimerSchedulerConfig}).
 *
 * <p>Why not a BPMN timer start event: Kogito 10.1.0 compiles a start timer's definition into the generated process
 * (no configuration, no {@code #{}} expression, no cron), turns a cycle such as {@code R/2026-01-01T03:00:00Z/P3M}
 * into a fixed number of milliseconds counted from the moment the process is activated (so a "quarter" drifts by
 * days, and a start date in the past fires one second after every activation), and the durable timer service keeps
 * the first definition it stored under the start timer's stable id. The recurring task follows the calendar, has one
 * stable id (several instances sharing the database run it once), runs a firing missed while every instance was down
 * at the next start, and takes over a changed schedule at start-up. The monthly commission settlement schedules
 * itself the same way.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
class ReviewSchedule {

    static final String TASK_NAME = "permission-review-quarterly";
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(10);

    @Bean
    RecurringTask<Void> quarterlyReviewTask(ReviewStarter starter, ReviewProperties properties) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(properties.schedule(), properties.zone()))
                // a quarter reviewed already is logged by the starter; only a technical failure comes here, and is retried
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .execute((instance, context) -> starter.startScheduled());
    }
}
