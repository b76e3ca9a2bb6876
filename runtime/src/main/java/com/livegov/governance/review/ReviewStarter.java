package com.livegov.governance.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.kie.kogito.Model;
import org.kie.kogito.process.MutableProcessInstances;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a permission review, for the API and for the quarterly schedule, in one transaction that runs up to the
 * ops-managers' tasks. When {@code Task_OpenReview} refuses, nothing is kept: the transaction is rolled back and the
 * process instance Kogito stores in error state is removed; the refusal reaches the caller.
 *
 * <p>Kogito's unit of work is committed, not aborted, when a process instance fails (to keep the failed instance),
 * so the transaction around it is ours.
 */
@Component
class ReviewStarter {

    static final String SCHEDULE = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewStarter.class);

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;

    private final TransactionTemplate transaction;
    private final ReviewRecords records;
    private final ReviewProperties properties;

    ReviewStarter(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork, PlatformTransactionManager transactions,
            ReviewRecords records, ReviewProperties properties) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
        this.transaction = new TransactionTemplate(transactions);
        this.records = records;
        this.properties = properties;
    }

    /**
     * @param quarter the quarter ({@code 2026-Q4}); null for the quarter under way
     * @return the review's id (its process instance id)
     * @throws ReviewRefused when the review cannot start as asked
     * @throws ReviewConflict when the quarter has a review already
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    String start(String quarter, String startedBy) {
        Process process = processes.getObject().processById(PermissionReview.PROCESS_ID);
        Map<String, Object> variables = new HashMap<>();
        variables.put("quarter", quarter);
        variables.put("startedBy", startedBy);
        AtomicReference<String> started = new AtomicReference<>();
        try {
            return transaction.execute(status -> UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
                Model model = (Model) process.createModel();
                model.update(variables);
                ProcessInstance<?> instance = process.createInstance(model);
                started.set(instance.id());
                instance.start();
                instance.checkError();
                return instance.id();
            }));
        } catch (RuntimeException e) {
            if (started.get() != null) {
                forget(process, started.get());
            }
            throw refusalIn(e).orElseThrow(() -> e);
        }
    }

    /** Removes the instance Kogito keeps in error state after a failed start, if it kept one. */
    private void forget(Process<?> process, String processInstanceId) {
        UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
            if (process.instances() instanceof MutableProcessInstances<?> instances && instances.exists(processInstanceId)) {
                instances.remove(processInstanceId);
            }
            return null;
        });
    }

    /** The scheduled run: reviews the quarter under way, unless it was reviewed already. */
    void startScheduled() {
        String quarter = ReviewQuarter.current(properties.zone()).toString();
        Optional<String> existing = records.reviewOf(quarter);
        if (existing.isPresent()) {
            LOG.info("Quarterly schedule: {} is reviewed already (review {})", quarter, existing.get());
            return;
        }
        try {
            String id = start(null, SCHEDULE);
            LOG.info("The quarterly schedule started permission review {}", id);
        } catch (ReviewConflict e) {
            LOG.info("Quarterly schedule: {}", e.getMessage());
        }
    }

    private static Optional<RuntimeException> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReviewRefused || cause instanceof ReviewConflict) {
                return Optional.of((RuntimeException) cause);
            }
        }
        return Optional.empty();
    }
}
