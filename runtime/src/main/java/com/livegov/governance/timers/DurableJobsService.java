package com.livegov.governance.timers;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.kie.kogito.jobs.JobDescription;
import org.kie.kogito.jobs.JobsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kogito's {@link JobsService} on db-scheduler: every timer is a row in PostgreSQL, so it survives restarts,
 * fires after a restart even when its deadline passed while the application was down, and fires on exactly
 * one of several application instances that share the database.
 *
 * <p>Scheduling joins the caller's transaction (the scheduler's data source is transaction-aware), so a
 * process step that rolls back leaves no timer behind.
 */
class DurableJobsService implements JobsService {

    private static final Logger LOG = LoggerFactory.getLogger(DurableJobsService.class);

    private final SchedulerClient scheduler;
    private final Task<TimerJob> timerTask;

    DurableJobsService(SchedulerClient scheduler, Task<TimerJob> timerTask) {
        this.scheduler = scheduler;
        this.timerTask = timerTask;
    }

    @Override
    public String scheduleJob(JobDescription description) {
        TimerJob job = TimerJob.of(description);
        Instant due = description.expirationTime().get().toInstant();
        SchedulableInstance<TimerJob> instance = SchedulableInstance.of(new TaskInstance<>(timerTask.getName(), job.jobId(), job), due);
        if (job.kind() == TimerJob.Kind.PROCESS_START) {
            boolean created = scheduler.scheduleIfNotExists(instance);
            LOG.debug("Start timer of {} {}", job.processId(), created ? "scheduled for " + due : "already scheduled");
        } else {
            scheduler.schedule(instance, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
            LOG.debug("Timer {} of process instance {} scheduled for {}", job.jobId(), job.processInstanceId(), due);
        }
        return job.jobId();
    }

    @Override
    public boolean cancelJob(String id) {
        try {
            scheduler.cancel(TaskInstanceId.of(timerTask.getName(), id));
            LOG.debug("Timer {} cancelled", id);
            return true;
        } catch (TaskInstanceNotFoundException e) {
            return false;
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // the timer is firing right now: it completes and disappears by itself
            return false;
        }
    }
}
