package com.livegov.governance.settlement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.config.AtomicProcessStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a settlement of a month, for the API and for the monthly schedule, all or nothing (see
 * {@link AtomicProcessStart}). When a step refuses the month (already settled, figures missing, ...) nothing is
 * kept (the claim of the month, payouts, decision records, history) and the refusal is thrown to the caller.
 */
@Component
class SettlementStarter {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementStarter.class);
    static final String SCHEDULE = "schedule";

    private final AtomicProcessStart starts;
    private final SettlementProperties properties;

    SettlementStarter(AtomicProcessStart starts, SettlementProperties properties) {
        this.starts = starts;
        this.properties = properties;
    }

    /**
     * @return the settlement's id (its process instance id)
     * @throws SettlementConflict when the month is being settled or settled
     * @throws SettlementRefused when the month cannot be settled as asked
     */
    String start(String month, String startedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("month", month);
        variables.put("startedBy", startedBy);
        return starts.start(CommissionSettlement.PROCESS_ID, variables, List.of(SettlementRefused.class));
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
}
