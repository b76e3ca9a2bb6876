package com.livegov.governance.taskcontext;

import java.util.Map;
import java.util.Set;

/**
 * The context of the tasks of some processes: what their user is deciding. One small implementation per
 * process, near its feature; {@link TaskContextService} picks the one whose {@link #processIds()} holds the
 * task's process.
 */
public interface TaskContextSource {

    /** The processes whose tasks this source explains. */
    Set<String> processIds();

    /** What the task is about; never {@code null} (use {@link TaskDetails.None} when nothing is recorded). */
    TaskDetails details(TaskFacts task);

    /**
     * What a source knows of the task when it is asked.
     *
     * @param taskId the user-task instance id
     * @param taskName the task name ({@code Level1Approval})
     * @param elementId the BPMN element ({@code Task_Level1Approval})
     * @param processId the process definition
     * @param processInstanceId the process instance
     * @param owner who claimed the task, or {@code null}
     * @param inputs the task's inputs
     * @param variables the process instance's variables (empty when Kogito no longer holds the instance)
     */
    record TaskFacts(String taskId, String taskName, String elementId, String processId, String processInstanceId, String owner,
            Map<String, Object> inputs, Map<String, Object> variables) {

        public TaskFacts {
            inputs = Copies.map(inputs);
            variables = Copies.map(variables);
        }

        /** A task input, else a process variable, as text; {@code null} when neither is set. */
        public String text(String name) {
            Object value = inputs.containsKey(name) ? inputs.get(name) : variables.get(name);
            return value == null ? null : value.toString();
        }
    }
}
