package com.livegov.governance.inbox;

import java.time.Instant;

/**
 * One task in an inbox page.
 *
 * @param taskId Kogito's user-task id ({@code /usertasks/instance/{taskId}})
 * @param taskName the task's name, also the key of its translated label: {@code task.name.<taskName>}
 * @param processId the process definition
 * @param processInstanceId the process instance
 * @param state {@code Ready}, {@code Reserved}, or for completed tasks {@code Completed}
 * @param owner who reserved (or completed) it, if anyone
 * @param streamerId the streamer the process is about, if known
 * @param streamerName that streamer's name
 * @param createdAt when the task was created
 * @param dueAt when its deadline timer fires; null when it has none
 * @param overdue whether the due time has passed (for an open task)
 * @param onBehalfOf the absent user whose task this is, when it is in my inbox only because I am their substitute
 *        (for a completed task: the user on whose behalf it was completed); null otherwise
 */
public record TaskRow(String taskId, String taskName, String processId, String processInstanceId, String state, String owner,
        String streamerId, String streamerName, Instant createdAt, Instant dueAt, boolean overdue, String onBehalfOf) {
}
