package com.livegov.governance.timers;

import java.time.Instant;
import java.util.Optional;

import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstanceOptimisticLockingException;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.jobs.impl.TriggerJobCommand;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.kie.kogito.usertask.UserTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Delivers a due timer to Kogito, inside a unit of work (and so inside a transaction).
 */
class TimerFiring {

    private static final Logger LOG = LoggerFactory.getLogger(TimerFiring.class);
    private static final int OPTIMISTIC_LOCK_ATTEMPTS = 5;

    private final ObjectProvider<Processes> processes;
    private final ObjectProvider<UserTasks> userTasks;
    private final UnitOfWorkManager unitOfWork;

    TimerFiring(ObjectProvider<Processes> processes, ObjectProvider<UserTasks> userTasks, UnitOfWorkManager unitOfWork) {
        this.processes = processes;
        this.userTasks = userTasks;
        this.unitOfWork = unitOfWork;
    }

    void fire(TimerJob job, Instant due) {
        for (int attempt = 1;; attempt++) {
            try {
                deliver(job, due);
                return;
            } catch (ProcessInstanceOptimisticLockingException e) {
                if (attempt == OPTIMISTIC_LOCK_ATTEMPTS) {
                    throw e;
                }
                LOG.info("Timer {} met a concurrent change of process instance {}, retrying", job.jobId(), job.processInstanceId());
            }
        }
    }

    private void deliver(TimerJob job, Instant due) {
        switch (job.kind()) {
            case PROCESS_INSTANCE -> signalProcessInstance(job);
            case PROCESS_START -> startProcess(job);
            case USER_TASK -> triggerUserTask(job, due);
        }
    }

    private void signalProcessInstance(TimerJob job) {
        Optional<Process<? extends Model>> process = findProcess(job);
        if (process.isEmpty()) {
            LOG.warn("Timer {} skipped: no process definition {} for instance {}", job.jobId(), job.processId(), job.processInstanceId());
            return;
        }
        int limitAfterThis = job.remaining() < 0 ? Integer.MAX_VALUE : job.remaining() - 1;
        boolean delivered = new TriggerJobCommand(job.processInstanceId(), job.jobId(), job.timerId(), limitAfterThis,
                process.get(), unitOfWork).execute();
        if (delivered) {
            LOG.info("Timer {} fired in process instance {}", job.jobId(), job.processInstanceId());
        } else {
            LOG.info("Timer {} skipped: process instance {} no longer exists", job.jobId(), job.processInstanceId());
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void startProcess(TimerJob job) {
        Process process = processes.getObject().processById(job.processId());
        if (process == null) {
            LOG.warn("Start timer {} skipped: no process definition {}", job.jobId(), job.processId());
            return;
        }
        UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
            org.kie.kogito.process.ProcessInstance<?> instance = process.createInstance(process.createModel());
            instance.start("timer", null);
            LOG.info("Start timer {} started process instance {}", job.jobId(), instance.id());
            return null;
        });
    }

    private void triggerUserTask(TimerJob job, Instant due) {
        UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
            userTasks.getObject().instances().findById(job.userTaskInstanceId()).ifPresentOrElse(
                    task -> task.trigger(job.toUserTaskDescription(due)),
                    () -> LOG.info("User-task timer {} skipped: task {} no longer exists", job.jobId(), job.userTaskInstanceId()));
            return null;
        });
    }

    private Optional<Process<? extends Model>> findProcess(TimerJob job) {
        Processes all = processes.getObject();
        if (job.processId() != null && all.processById(job.processId()) != null) {
            return Optional.of(all.processById(job.processId()));
        }
        return all.processByProcessInstanceId(job.processInstanceId());
    }
}
