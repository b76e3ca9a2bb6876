package com.livegov.governance.audit;

/**
 * What an audit entry is about.
 *
 * @param kind {@code STREAMER}, {@code ACCOUNT}, {@code TASK}, {@code DECISION}, {@code PROCESS}, {@code USER} or
 *        {@code REQUEST}
 * @param id its id (a task instance id or a BPMN element id, a decision name, a request path, ...)
 */
public record AuditTarget(String kind, String id) {

    public static AuditTarget streamer(String streamerId) {
        return new AuditTarget("STREAMER", streamerId);
    }

    public static AuditTarget account(String accountId) {
        return new AuditTarget("ACCOUNT", accountId);
    }

    public static AuditTarget task(String taskId) {
        return new AuditTarget("TASK", taskId);
    }

    public static AuditTarget decision(String name) {
        return new AuditTarget("DECISION", name);
    }

    public static AuditTarget process(String processInstanceId) {
        return new AuditTarget("PROCESS", processInstanceId);
    }

    public static AuditTarget user(String name) {
        return new AuditTarget("USER", name);
    }

    /** A request, by its method and path ({@code POST /accountActionApproval}). */
    public static AuditTarget request(String method, String path) {
        return new AuditTarget("REQUEST", method + " " + path);
    }
}
