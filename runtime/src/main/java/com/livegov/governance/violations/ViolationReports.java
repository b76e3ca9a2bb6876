package com.livegov.governance.violations;

import java.util.Map;

import com.livegov.governance.config.RefusedRequest;
import org.kie.kogito.process.ProcessInstanceExecutionException;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.springframework.stereotype.Component;

/**
 * Reports a violation from inside the application (a traffic alert that calls for an investigation): starts
 * {@code violationEscalation} as {@code POST /violationEscalation} would, joining the caller's transaction. A
 * report the process refuses throws {@link ViolationRefused} and leaves no process instance behind.
 */
@Component
public class ViolationReports {

    private final ProcessStarts starts;
    private final UnitOfWorkManager unitOfWork;

    ViolationReports(ProcessStarts starts, UnitOfWorkManager unitOfWork) {
        this.starts = starts;
        this.unitOfWork = unitOfWork;
    }

    /**
     * Starts a violation case.
     *
     * @param report the start data of the process, typed as its variables (the metrics as {@link Double},
     *        counts as {@link Integer}, the evidence as a map)
     * @return the violation id (the process instance id)
     */
    public String report(Map<String, Object> report) {
        try {
            return UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> starts.start(ViolationEscalation.PROCESS_ID, report));
        } catch (ProcessInstanceExecutionException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RefusedRequest refused) {
                    throw new ViolationRefused(refused.getMessage());
                }
            }
            throw e;
        }
    }
}
