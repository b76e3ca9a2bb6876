package com.livegov.governance.settlement;

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
 * Starts a settlement of a month, for the API and for the monthly schedule, in one transaction. When a step
 * refuses the month (already settled, figures missing, ...) nothing is kept: the transaction (the claim of the
 * month, payouts, decision records, history) is rolled back, and the process instance Kogito stores in error
 * state is removed; the refusal is thrown to the caller.
 *
 * <p>Kogito's unit of work is committed, not aborted, when a process instance fails (to keep the failed
 * instance), so the transaction around it is ours.
 */
@Component
class SettlementStarter {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementStarter.class);
    static final String SCHEDULE = "schedule";

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;
    private final SettlementProperties properties;
    private final TransactionTemplate transaction;

    SettlementStarter(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork, SettlementProperties properties,
            PlatformTransactionManager transactions) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @return the settlement's id (its process instance id)
     * @throws SettlementConflict when the month is being settled or settled
     * @throws SettlementRefused when the month cannot be settled as asked
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    String start(String month, String startedBy) {
        Process process = processes.getObject().processById(CommissionSettlement.PROCESS_ID);
        Map<String, Object> variables = new HashMap<>();
        variables.put("month", month);
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

    /** The scheduled run: settles the previous month; a month that cannot be settled now is logged, not retried. */
    void startPreviousMonth() {
        SettlementMonth month = SettlementMonth.previous(properties.zone());
        try {
            String id = start(month.toString(), SCHEDULE);
            LOG.info("Monthly schedule started the commission settlement of {} ({})", month, id);
        } catch (SettlementConflict e) {
            LOG.info("Monthly schedule: {}", e.getMessage());
        } catch (SettlementRefused e) {
            LOG.warn("Monthly schedule could not settle {}: {}. Start it with POST /commission-settlements once it can be settled.",
                    month, e.getMessage());
        }
    }

    private static Optional<SettlementRefused> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SettlementRefused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }
}
