package com.livegov.governance.taskcontext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the task page shows besides the form: what the task is, when it is due, what is being decided
 * (the process's own context), where the process stands (diagram and timeline) and the comments. Immutable;
 * every text a user typed (reasons, comments) is returned as typed and must be shown escaped.
 *
 * @param task the task itself
 * @param deadline when the task is due, from its deadline timer; {@code null} when it has none
 * @param details what is being decided, by process ({@link TaskDetails.None} for a process without a source)
 * @param diagram the process diagram with the path taken and the active elements
 * @param timeline the instance's recorded events, oldest first
 * @param comments the task's comments, oldest first
 */
public record TaskContext(Summary task, Deadline deadline, TaskDetails details, Diagram diagram, List<TimelineEvent> timeline,
        List<Comment> comments) {

    public TaskContext {
        timeline = List.copyOf(timeline);
        comments = List.copyOf(comments);
    }

    /**
     * The task as Kogito holds it.
     *
     * @param id the user-task instance id ({@code /usertasks/instance/{id}})
     * @param name the task name, also its form's name ({@code Level1Approval})
     * @param elementId the BPMN element ({@code Task_Level1Approval})
     * @param processId the process definition ({@code accountActionApproval})
     * @param processInstanceId the process instance
     * @param state Kogito's state ({@code Ready}, {@code Reserved}, {@code Completed}, ...)
     * @param owner who claimed it, or {@code null}
     * @param potentialGroups the groups that may claim it, sorted
     * @param potentialUsers the users that may claim it, sorted
     * @param createdAt when it was created (its first recorded event), or {@code null} when not recorded
     */
    public record Summary(String id, String name, String elementId, String processId, String processInstanceId, String state,
            String owner, List<String> potentialGroups, List<String> potentialUsers, Instant createdAt) {

        public Summary {
            potentialGroups = List.copyOf(potentialGroups);
            potentialUsers = List.copyOf(potentialUsers);
        }
    }

    /**
     * When the task is due: the fire time of the deadline timer on the task (or on the sub-process around it).
     *
     * @param dueAt when the timer fires
     * @param secondsLeft seconds from now until then; negative when overdue
     * @param overdue whether the time is up
     */
    public record Deadline(Instant dueAt, long secondsLeft, boolean overdue) {

        static Deadline of(Instant dueAt, Instant now) {
            long seconds = Duration.between(now, dueAt).getSeconds();
            return new Deadline(dueAt, seconds, !now.isBefore(dueAt));
        }

        /** The time left (negative: overdue by). */
        public Duration timeLeft() {
            return Duration.ofSeconds(secondsLeft);
        }
    }

    /**
     * The process diagram for the bpmn-js viewer.
     *
     * @param processId the process definition
     * @param bpmnXml the BPMN 2.0 XML with its diagram information, as built into the application
     * @param currentElementId this task's element, to highlight
     * @param passedElementIds the elements the instance has left, in the order first left
     * @param activeElementIds the elements active now (this task, parallel tasks, a sub-process around them)
     */
    public record Diagram(String processId, String bpmnXml, String currentElementId, List<String> passedElementIds,
            List<String> activeElementIds) {

        public Diagram {
            passedElementIds = List.copyOf(passedElementIds);
            activeElementIds = List.copyOf(activeElementIds);
        }
    }

    /**
     * One recorded step of the instance.
     *
     * @param at when
     * @param kind {@code PROCESS_STARTED}, {@code NODE_ENTERED}, {@code NODE_LEFT}, {@code TASK_RESERVED}, {@code TASK_COMPLETED} ...
     * @param elementId the BPMN element, for node and task events
     * @param elementName the element's label in the model
     * @param actor who did it, when known
     */
    public record TimelineEvent(Instant at, String kind, String elementId, String elementName, String actor) {
    }

    /**
     * A comment on the task.
     *
     * @param id Kogito's comment id
     * @param author who wrote it (always a login)
     * @param at when it was written or last changed
     * @param text what was written, as typed
     */
    public record Comment(String id, String author, Instant at, String text) {
    }
}
