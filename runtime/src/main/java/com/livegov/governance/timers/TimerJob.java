package com.livegov.governance.timers;

import java.time.Instant;

import org.kie.kogito.jobs.ExactExpirationTime;
import org.kie.kogito.jobs.ExpirationTime;
import org.kie.kogito.jobs.JobDescription;
import org.kie.kogito.jobs.descriptors.ProcessInstanceJobDescription;
import org.kie.kogito.jobs.descriptors.ProcessJobDescription;
import org.kie.kogito.jobs.descriptors.UserTaskInstanceJobDescription;

/**
 * What a Kogito timer needs to fire after a restart, stored as JSON in the scheduler's table.
 *
 * @param kind what the timer does when it fires
 * @param jobId Kogito's job id (also the scheduler's task-instance id)
 * @param processId the process definition
 * @param processInstanceId the waiting process instance, when there is one
 * @param timerId the timer inside the process instance
 * @param userTaskInstanceId the user task whose deadline this is, for user-task jobs
 * @param nodeInstanceId the node instance that owns the timer
 * @param rootProcessInstanceId the root of a sub-process hierarchy, if any
 * @param rootProcessId the root process definition, if any
 * @param repeatIntervalMillis the interval of a repeating timer, or {@code null} for a one-shot timer
 * @param remaining firings left including this one; negative means unlimited
 */
public record TimerJob(
        Kind kind,
        String jobId,
        String processId,
        String processInstanceId,
        String timerId,
        String userTaskInstanceId,
        String nodeInstanceId,
        String rootProcessInstanceId,
        String rootProcessId,
        Long repeatIntervalMillis,
        int remaining) {

    /** The three kinds of Kogito job. */
    public enum Kind {
        /** A timer inside a running process instance (boundary, intermediate, deadline). */
        PROCESS_INSTANCE,
        /** A timer start event that creates a new process instance. */
        PROCESS_START,
        /** A deadline or reassignment of a user task. */
        USER_TASK
    }

    static TimerJob of(JobDescription description) {
        ExpirationTime time = description.expirationTime();
        Long interval = time.repeatInterval();
        int remaining = interval == null ? 1 : repeatLimit(time);
        if (description instanceof ProcessInstanceJobDescription job) {
            return new TimerJob(Kind.PROCESS_INSTANCE, job.id(), job.processId(), job.processInstanceId(), job.timerId(),
                    null, job.nodeInstanceId(), job.rootProcessInstanceId(), job.rootProcessId(), interval, remaining);
        }
        if (description instanceof ProcessJobDescription job) {
            String processId = job.process() != null ? job.process().id() : job.processId();
            return new TimerJob(Kind.PROCESS_START, startJobId(processId), processId, null, null,
                    null, null, null, null, interval, remaining);
        }
        if (description instanceof UserTaskInstanceJobDescription job) {
            return new TimerJob(Kind.USER_TASK, job.id(), job.processId(), job.processInstanceId(), null,
                    job.userTaskInstanceId(), job.nodeInstanceId(), job.rootProcessInstanceId(), job.rootProcessId(),
                    interval, remaining);
        }
        throw new IllegalArgumentException("Unsupported job description " + description.getClass().getName());
    }

    /**
     * A start timer is registered again by every application instance at every start; one stable id per
     * process keeps exactly one pending execution of it in the shared database.
     */
    static String startJobId(String processId) {
        return "start:" + processId;
    }

    boolean repeats() {
        return repeatIntervalMillis != null && remaining != 1;
    }

    /** The same job after one firing: one fewer remaining (unlimited stays unlimited). */
    TimerJob afterFiring() {
        int next = remaining < 0 ? remaining : remaining - 1;
        return new TimerJob(kind, jobId, processId, processInstanceId, timerId, userTaskInstanceId, nodeInstanceId,
                rootProcessInstanceId, rootProcessId, repeatIntervalMillis, next);
    }

    Instant nextFiring(Instant firedAt) {
        return firedAt.plusMillis(repeatIntervalMillis);
    }

    UserTaskInstanceJobDescription toUserTaskDescription(Instant due) {
        return new UserTaskInstanceJobDescription(jobId, ExactExpirationTime.of(due.atZone(java.time.ZoneOffset.UTC)),
                ProcessInstanceJobDescription.DEFAULT_PRIORITY, userTaskInstanceId, processId, processInstanceId,
                nodeInstanceId, rootProcessInstanceId, rootProcessId);
    }

    private static int repeatLimit(ExpirationTime time) {
        Integer limit = time.repeatLimit();
        return limit == null || limit <= 0 ? -1 : limit;
    }
}
