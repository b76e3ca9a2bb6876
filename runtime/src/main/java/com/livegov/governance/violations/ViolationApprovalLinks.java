package com.livegov.governance.violations;

import com.livegov.governance.approval.AccountActionApproval;
import org.kie.api.event.process.ProcessStartedEvent;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Notes every account-action approval a violation calls (its call activities), with the action and the
 * account: the violation record then names the approvals its measures rest on, and the process reads how
 * each ended. Runs in the transaction that starts the approval.
 */
@Component
class ViolationApprovalLinks extends DefaultKogitoProcessEventListener {

    private final ViolationRecords records;

    ViolationApprovalLinks(ViolationRecords records) {
        this.records = records;
    }

    @Override
    public void afterProcessStarted(ProcessStartedEvent event) {
        ProcessInstance started = event.getProcessInstance();
        if (!AccountActionApproval.PROCESS_ID.equals(started.getProcessId()) || started.getParentProcessInstanceId() == null
                || !(started instanceof WorkflowProcessInstance approval)) {
            return;
        }
        records.linkApproval(((KogitoProcessInstance) started).getStringId(), started.getParentProcessInstanceId(),
                String.valueOf(approval.getVariable("action")), String.valueOf(approval.getVariable("subject")));
    }
}
