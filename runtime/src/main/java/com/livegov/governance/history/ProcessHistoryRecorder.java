package com.livegov.governance.history;

import java.util.Optional;

import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.event.process.ProcessNodeTriggeredEvent;
import org.kie.api.event.process.ProcessStartedEvent;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoNodeInstance;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Listens to every Kogito process instance and writes its steps to {@link ProcessHistory}.
 */
@Component
class ProcessHistoryRecorder extends DefaultKogitoProcessEventListener {

    private final ProcessHistory history;

    ProcessHistoryRecorder(ProcessHistory history) {
        this.history = history;
    }

    @Override
    public void beforeProcessStarted(ProcessStartedEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        history.record(instance.getProcessId(), instance.getStringId(), "PROCESS_STARTED", null, null, null, null);
    }

    @Override
    public void afterProcessStarted(ProcessStartedEvent event) {
        recordSubject((KogitoProcessInstance) event.getProcessInstance());
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        String type = switch (instance.getState()) {
            case KogitoProcessInstance.STATE_ABORTED -> "PROCESS_ABORTED";
            case KogitoProcessInstance.STATE_ERROR -> "PROCESS_FAILED";
            default -> "PROCESS_COMPLETED";
        };
        history.record(instance.getProcessId(), instance.getStringId(), type, null, null, null, null);
    }

    @Override
    public void beforeNodeTriggered(ProcessNodeTriggeredEvent event) {
        recordNode("NODE_ENTERED", (KogitoNodeInstance) event.getNodeInstance(), (KogitoProcessInstance) event.getProcessInstance());
    }

    @Override
    public void beforeNodeLeft(ProcessNodeLeftEvent event) {
        recordNode("NODE_LEFT", (KogitoNodeInstance) event.getNodeInstance(), (KogitoProcessInstance) event.getProcessInstance());
    }

    /**
     * Links the instance to its streamer, from the variables it was started with: {@code streamerId}, or the
     * streamer authorized on the account named by {@code subject}.
     */
    private void recordSubject(KogitoProcessInstance instance) {
        if (!(instance instanceof WorkflowProcessInstance workflow)) {
            return;
        }
        Object streamer = workflow.getVariable("streamerId");
        Object account = workflow.getVariable("subject");
        Optional<String> subject = streamer != null ? Optional.of(streamer.toString())
                : account != null ? history.streamerOfAccount(account.toString()) : Optional.empty();
        subject.ifPresent(id -> history.recordSubject(instance.getProcessId(), instance.getStringId(), id));
    }

    private void recordNode(String type, KogitoNodeInstance node, KogitoProcessInstance instance) {
        Object elementId = node.getNode().getMetaData().get("UniqueId");
        history.record(instance.getProcessId(), instance.getStringId(), type,
                elementId != null ? elementId.toString() : null, node.getNodeName(), node.getStringId(), null);
    }
}
