package com.livegov.governance.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jbpm.workflow.core.node.BoundaryEventNode;
import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.event.process.ProcessStartedEvent;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoNodeInstance;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Records every process instance's start and end, and every escalation by a deadline: a boundary timer that
 * fires on a task or sub-process (interrupting: the task is cancelled and the request goes upward; or not: a
 * warning or a breach beside the running work).
 *
 * <p>Who started a process: the authenticated user when there is one; otherwise the parent process for a
 * called process; otherwise the requester named in the start data ({@code requestedBy}, {@code initiatedBy}),
 * marked {@code "actorSource": "start-data"} since nobody vouched for it; otherwise {@code system}.
 */
@Component
class ProcessAuditListener extends DefaultKogitoProcessEventListener {

    private static final String[] REQUESTER_VARIABLES = { "requestedBy", "initiatedBy" };
    private static final String[] REASON_VARIABLES = { "reason", "departureReason" };

    private final AuditTrail audit;

    ProcessAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void beforeProcessStarted(ProcessStartedEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        Map<String, Object> variables = instance.getVariables() == null ? Map.of() : instance.getVariables();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processId", instance.getProcessId());
        String actor;
        if (CurrentUser.name().isPresent()) {
            actor = CurrentUser.name().get();
            details.put("actorSource", "authenticated");
        } else if (instance.getParentProcessInstanceId() != null && !instance.getParentProcessInstanceId().isEmpty()) {
            actor = "process:" + (instance.getRootProcessId() != null ? instance.getRootProcessId() : instance.getParentProcessInstanceId());
            details.put("actorSource", "parent-process");
            details.put("parentProcessInstanceId", instance.getParentProcessInstanceId());
        } else if (firstText(variables, REQUESTER_VARIABLES) != null) {
            actor = firstText(variables, REQUESTER_VARIABLES);
            details.put("actorSource", "start-data");
        } else {
            actor = "system";
            details.put("actorSource", "system");
        }
        details.put("startData", variables);
        audit.record(AuditEntry.of(AuditAction.PROCESS_STARTED, actor, AuditTarget.process(instance.getStringId()),
                firstText(variables, REASON_VARIABLES)).inProcess(instance.getStringId()).withDetails(details));
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        String state = switch (instance.getState()) {
            case KogitoProcessInstance.STATE_ABORTED -> "ABORTED";
            case KogitoProcessInstance.STATE_ERROR -> "FAILED";
            default -> "COMPLETED";
        };
        audit.record(AuditEntry.of(AuditAction.PROCESS_ENDED, CurrentUser.name().orElse(processActor(instance)),
                AuditTarget.process(instance.getStringId()), null)
                .inProcess(instance.getStringId())
                .withDetails(Map.of("processId", instance.getProcessId(), "state", state)));
    }

    /** A boundary timer leaves its node when it fires: the deadline of the task or sub-process it sits on passed. */
    @Override
    public void beforeNodeLeft(ProcessNodeLeftEvent event) {
        KogitoNodeInstance node = (KogitoNodeInstance) event.getNodeInstance();
        if (!(node.getNode() instanceof BoundaryEventNode boundary) || !"timer".equalsIgnoreCase(String.valueOf(boundary.getMetaData().get("EventType")))) {
            return;
        }
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        Object attachedTo = boundary.getMetaData().get("AttachedTo");
        boolean interrupting = !"false".equalsIgnoreCase(String.valueOf(boundary.getMetaData().get("CancelActivity")));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processId", instance.getProcessId());
        details.put("timer", boundary.getMetaData().get("UniqueId"));
        details.put("timerName", boundary.getName());
        details.put("attachedTo", attachedTo);
        details.put("interrupting", interrupting);
        audit.record(AuditEntry.of(AuditAction.TASK_ESCALATED, "system", AuditTarget.task(String.valueOf(attachedTo)),
                boundary.getName() + (interrupting ? ": the deadline passed, the work moves on without it" : ": the deadline passed"))
                .inProcess(instance.getStringId()).withDetails(details));
    }

    private static String processActor(KogitoProcessInstance instance) {
        return "process:" + instance.getProcessId();
    }

    private static String firstText(Map<String, Object> variables, String[] names) {
        for (String name : names) {
            if (variables.get(name) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
