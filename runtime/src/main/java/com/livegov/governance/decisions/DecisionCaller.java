package com.livegov.governance.decisions;

/**
 * Who asked for an evaluation: a user over the API, or a process instance through a business-rule task.
 *
 * @param kind {@code USER} or {@code PROCESS}
 * @param id the user name or the process instance id
 * @param processId the process definition, for a process caller
 */
public record DecisionCaller(String kind, String id, String processId) {

    public static DecisionCaller user(String name) {
        return new DecisionCaller("USER", name, null);
    }

    public static DecisionCaller process(String processId, String processInstanceId) {
        return new DecisionCaller("PROCESS", processInstanceId, processId);
    }
}
