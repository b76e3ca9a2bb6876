package com.livegov.governance.inbox;

import java.util.ArrayList;
import java.util.List;

import org.jbpm.workflow.instance.node.StateBasedNodeInstance;
import org.jbpm.workflow.instance.node.WorkItemNodeInstance;
import org.kie.api.event.process.ProcessNodeTriggeredEvent;
import org.kie.api.runtime.process.NodeInstanceContainer;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.springframework.stereotype.Component;

/**
 * A task's due time: when its deadline timer fires. In these processes a deadline is a BPMN boundary timer on the
 * user task (the approval levels, the legal review) or on the sub-process around it (the offboarding's handover).
 * Kogito schedules a node's boundary timers (through {@code timers/DurableJobsService}, one row each in
 * {@code governance.scheduled_tasks}) just before it creates the node's work item, and the user task with it; so
 * once the task's node has been triggered, its timers are known by job id, and their firing times are read from
 * the scheduler's table, in the same transaction, when {@link TaskIndexRecorder} writes the task's row.
 *
 * <p>The due time is the last firing of the nearest element that has deadlines: the task's own boundary timers,
 * else those of the sub-process around it (the offboarding's handover warns at 20 hours and is due at 24). A task
 * with none has no due time.
 */
@Component
class TaskDueTimes extends DefaultKogitoProcessEventListener {

    /** The db-scheduler task name of Kogito timers ({@code timers.TimerSchedulerConfig}). */
    static final String KOGITO_TIMER = "kogito-timer";

    private final TaskIndexRecorder index;

    TaskDueTimes(TaskIndexRecorder index) {
        this.index = index;
    }

    @Override
    public void afterNodeTriggered(ProcessNodeTriggeredEvent event) {
        if (!(event.getNodeInstance() instanceof WorkItemNodeInstance node) || node.getWorkItem() == null
                || node.getWorkItem().getExternalReferenceId() == null) {
            return;
        }
        List<String> timers = nearestTimers(node);
        if (timers.isEmpty()) {
            return;
        }
        index.dueWithTimers(node.getWorkItem().getExternalReferenceId(), timers);
    }

    /** The timer job ids of the task's node, else of the nearest sub-process around it that has any. */
    private static List<String> nearestTimers(StateBasedNodeInstance node) {
        Object current = node;
        while (current instanceof StateBasedNodeInstance element) {
            List<String> timers = element.getTimerInstances();
            if (timers != null && !timers.isEmpty()) {
                return new ArrayList<>(timers);
            }
            NodeInstanceContainer container = element.getNodeInstanceContainer();
            current = container;
        }
        return List.of();
    }
}
