package com.livegov.governance.settlement;

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
 * Starts a settlement of a month, for the API and for the monthly schedule. The start runs in one unit of work
 * (one transaction): when a step refuses the month (already settled, figures missing, ...) the unit of work is
 * aborted, so neither a process instance nor a claim of the month nor a payout is kept, and the refusal is
 * thrown to the caller.
 */
@Component
class SettlementStarter {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementStarter.class);
    static final String SCHEDULE = "schedule";

    private final ObjectProvider<Processes> processes;
    private final UnitOfWorkManager unitOfWork;
    private final SettlementProperties properties;

    SettlementStarter(ObjectProvider<Processes> processes, UnitOfWorkManager unitOfWork, SettlementProperties properties) {
        this.processes = processes;
        this.unitOfWork = unitOfWork;
        this.properties = properties;
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
