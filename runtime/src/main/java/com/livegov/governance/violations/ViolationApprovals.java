package com.livegov.governance.violations;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.history.ProcessHistory;
import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.event.process.ProcessStartedEvent;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.kie.kogito.process.Processes;
import org.kie.kogito.process.impl.Sig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Follows the account-action approvals a violation calls. When one starts, it is linked to the violation
 * (with its action and account); when it ends, its outcome is recorded (approved when it reached
 * {@code End_Approved}), and when it was the violation's last open approval the violation is signalled
 * ({@value #CONCLUDED}), where it waits at {@code Catch_ApprovalsConcluded} or {@code Catch_PauseRatified}.
 *
 * <p>Why not let the call activities wait for the approvals: Kogito 10.1.0 hands a called process's end only
 * to the copies of the caller that stay in memory after each save, and never saves what they do then; the
 * caller's next step is lost. The signal here goes to the violation freshly loaded from the database, which
 * Kogito saves. The violation's row is locked first, so two approvals ending at once (on one instance or
 * several) cannot both believe the other is still open.
 */
@Component
class ViolationApprovals extends DefaultKogitoProcessEventListener {

    /** The signal the violation waits for. */
    static final String CONCLUDED = "approvalsConcluded";
    /** The end event of {@code accountActionApproval} reached when every level approved (and the action ran). */
    static final String APPROVED_END = "End_Approved";

    private final ViolationRecords records;
    private final ProcessHistory history;
    private final ObjectProvider<Processes> processes;

    ViolationApprovals(ViolationRecords records, ProcessHistory history, ObjectProvider<Processes> processes) {
        this.records = records;
        this.history = history;
        this.processes = processes;
    }

    @Override
    public void afterProcessStarted(ProcessStartedEvent event) {
        ProcessInstance started = event.getProcessInstance();
        if (isCalledApproval(started) && started instanceof WorkflowProcessInstance approval) {
            records.linkApproval(((KogitoProcessInstance) started).getStringId(), started.getParentProcessInstanceId(),
                    String.valueOf(approval.getVariable("action")), String.valueOf(approval.getVariable("subject")));
        }
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        ProcessInstance ended = event.getProcessInstance();
        if (!isCalledApproval(ended)) {
            return;
        }
        String approvalId = ((KogitoProcessInstance) ended).getStringId();
        String violationId = ended.getParentProcessInstanceId();
        if (!records.lockViolation(violationId)) {
            return;
        }
        boolean approved = history.ofProcessInstance(approvalId).stream().anyMatch(step -> APPROVED_END.equals(step.nodeId()));
        records.concludeApproval(approvalId, approved);
        if (records.openApprovals(violationId) == 0) {
            processes.getObject().processById(ViolationEscalation.PROCESS_ID).instances().findById(violationId)
                    .ifPresent(violation -> violation.send(Sig.of(CONCLUDED, approvalId)));
        }
    }

    private static boolean isCalledApproval(ProcessInstance instance) {
        return AccountActionApproval.PROCESS_ID.equals(instance.getProcessId())
                && instance.getParentProcessInstanceId() != null && !instance.getParentProcessInstanceId().isEmpty();
    }
}
