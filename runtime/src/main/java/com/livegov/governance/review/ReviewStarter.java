package com.livegov.governance.review;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts a permission review, for the API and for the quarterly schedule. The start runs in one unit of work (one
 * transaction) up to the ops-managers' tasks: when {@code Task_OpenReview} refuses, the unit of work is aborted, so
 * neither a process instance nor a claim of the quarter is kept, and the refusal reaches the caller.
 */
@Component
class ReviewStarter {

    static final String SCHEDULE = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewStarter.class);

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;

    ReviewStarter(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
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
        try {
            return UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
                Model model = (Model) process.createModel();
                model.update(variables);
                ProcessInstance<?> instance = process.createInstance(model);
                instance.start();
                instance.checkError();
                return instance.id();
            });
        } catch (RuntimeException e) {
            throw refusalIn(e).orElseThrow(() -> e);
        }
    }

    /** The scheduled run: reviews the quarter under way, unless it was reviewed already. */
    void startScheduled() {
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
