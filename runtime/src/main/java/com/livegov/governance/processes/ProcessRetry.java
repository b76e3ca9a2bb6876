package com.livegov.governance.processes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessError;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries the failed step of a process instance in error, through Kogito's own Java API
 * ({@link ProcessError#retrigger()}, what Kogito's unsecured management endpoint would call), in one transaction
 * with its audit entry: who retried, which step, the error it had, and the state after.
 *
 * <p>Where a process runs in transactions (Kogito's {@code jbpm.transactions.enable}, the default here), a step that
 * fails again throws out of the unit of work: everything the retry did is rolled back, the instance stays in
 * error as it was, and the retry is recorded on its own.
 */
@Component
class ProcessRetry {

    /** How a retry went. */
    enum Outcome {
        /** The step ran: the instance runs on (or has ended). */
        RUNNING,
        /** The step failed again: the instance is still in error. */
        STILL_FAILED,
        /** The instance was not in error: nothing was done. */
        NOT_FAILED,
        /** Kogito holds no such instance. */
        NOT_FOUND
    }

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    ProcessRetry(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork, PlatformTransactionManager transactions, AuditTrail audit) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
    }

    Outcome retry(String processId, String instanceId, String admin) {
        if (!processes.getObject().processIds().contains(processId) || !RunningInstances.isInstanceId(instanceId)) {
            return Outcome.NOT_FOUND;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            return retryInTransaction(processId, instanceId, admin, details);
        } catch (RuntimeException failedAgain) {
            details.put("stateAfter", RunningInstances.state(ProcessInstance.STATE_ERROR));
            details.put("errorAgain", InstanceError.deepestMessage(failedAgain, failedAgain.getMessage()));
            audit.recordIndependently(entry(instanceId, admin, details));
            return Outcome.STILL_FAILED;
        }
    }

    private Outcome retryInTransaction(String processId, String instanceId, String admin, Map<String, Object> details) {
        @SuppressWarnings("unchecked")
        Process<? extends Model> process = (Process<? extends Model>) processes.getObject().processById(processId);
        return transaction.execute(status -> UnitOfWorkExecutor.executeInUnitOfWork(unitOfWork, () -> {
            Optional<? extends ProcessInstance<? extends Model>> found = process.instances().findById(instanceId);
            if (found.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            ProcessInstance<? extends Model> instance = found.get();
            Optional<ProcessError> error = instance.status() == ProcessInstance.STATE_ERROR ? instance.error() : Optional.empty();
            if (error.isEmpty()) {
                return Outcome.NOT_FAILED;
            }
            details.put("processId", processId);
            details.put("failedNode", error.get().failedNodeId());
            details.put("error", InstanceError.deepestMessage(error.get().errorCause(), error.get().errorMessage()));
            error.get().retrigger();
            Outcome outcome = instance.status() == ProcessInstance.STATE_ERROR ? Outcome.STILL_FAILED : Outcome.RUNNING;
            details.put("stateAfter", RunningInstances.state(instance.status()));
            audit.record(entry(instanceId, admin, details));
            return outcome;
        }));
    }

    private static AuditEntry entry(String instanceId, String admin, Map<String, Object> details) {
        return AuditEntry.of(AuditAction.PROCESS_RETRIED, admin, AuditTarget.process(instanceId), "retry of the failed step")
                .inProcess(instanceId).withDetails(details);
    }
}
