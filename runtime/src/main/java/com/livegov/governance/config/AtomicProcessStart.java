package com.livegov.governance.config;

import java.util.List;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a process instance all or nothing, for starts made by the application itself (an API of ours, a
 * schedule): one transaction runs the start up to the instance's first wait. When a step fails, the transaction
 * (its claims, records, history) is rolled back and the instance Kogito stores in error state is removed, and the
 * caller gets the step's refusal.
 *
 * <p>Kogito's unit of work is committed, not aborted, when a process instance fails (to keep the failed instance),
 * so the transaction around it is ours.
 */
@Component
public class AtomicProcessStart {

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;
    private final TransactionTemplate transaction;

    AtomicProcessStart(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork, PlatformTransactionManager transactions) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param refusals the exceptions a step throws to refuse the start; the first of them in the failure's causes is
     *        thrown as it is, any other failure as it came
     * @return the new instance's id
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public String start(String processId, Map<String, Object> variables, List<Class<? extends RuntimeException>> refusals) {
        Process process = processes.getObject().processById(processId);
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
            throw refusalIn(e, refusals).orElseThrow(() -> e);
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

    private static Optional<RuntimeException> refusalIn(Throwable failure, List<Class<? extends RuntimeException>> refusals) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends RuntimeException> refusal : refusals) {
                if (refusal.isInstance(cause)) {
                    return Optional.of(refusal.cast(cause));
                }
            }
        }
        return Optional.empty();
    }
}
