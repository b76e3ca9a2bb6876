package com.livegov.governance.settlement;

import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A settlement whose process instance is aborted ({@code DELETE /commissionSettlement/{id}}) is recorded as
 * {@code ABORTED}, in the same transaction, so that it no longer holds its month.
 */
@Component
class AbortedSettlements extends DefaultKogitoProcessEventListener {

    private final SettlementLedger ledger;

    AbortedSettlements(SettlementLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        if (CommissionSettlement.PROCESS_ID.equals(instance.getProcessId()) && instance.getState() == KogitoProcessInstance.STATE_ABORTED) {
            ledger.recordAborted(instance.getStringId());
        }
    }
}
