package com.livegov.governance.violations;

import java.util.List;

/** The violation escalation ({@code processes/violationEscalation.bpmn}). */
public final class ViolationEscalation {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "violationEscalation";

    /** Where a report comes from. */
    public static final List<String> SOURCES = List.of("OPERATIONS", "CONTENT_REVIEW", "TRAFFIC_ALERT");

    private ViolationEscalation() {
    }
}
