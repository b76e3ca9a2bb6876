package com.livegov.governance.history;

import java.time.OffsetDateTime;

/**
 * One recorded step of a process instance.
 *
 * @param occurredAt when it happened
 * @param processId the process definition
 * @param processInstanceId the instance
 * @param eventType {@code PROCESS_STARTED}, {@code NODE_ENTERED}, {@code NODE_LEFT}, {@code PROCESS_COMPLETED} ...
 * @param nodeId the BPMN element id ({@code Task_Level1Approval}), for node events
 * @param nodeName the element's label
 * @param actor who caused it, when known
 */
public record ProcessEvent(
        OffsetDateTime occurredAt,
        String processId,
        String processInstanceId,
        String eventType,
        String nodeId,
        String nodeName,
        String actor) {
}
