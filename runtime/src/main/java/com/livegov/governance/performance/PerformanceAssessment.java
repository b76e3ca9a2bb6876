package com.livegov.governance.performance;

import java.util.List;

/** The monthly performance assessment of one streamer ({@code processes/performanceAssessment.bpmn}). */
public final class PerformanceAssessment {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "performanceAssessment";
    /** The decision model that scores a month. */
    static final String DECISION = "PerformanceScore";
    /** The number of weak months in a row that opens an improvement case. */
    static final int WEAK_MONTHS_FOR_IMPROVEMENT = 3;
    /** HR's choices in an improvement case. */
    static final List<String> CHOICES = List.of("TRAINING", "ROLE_CHANGE", "NEGOTIATED_END");
    /** The departure reason of the offboarding a negotiated end starts. */
    static final String MUTUAL_AGREEMENT = "MUTUAL_AGREEMENT";

    private PerformanceAssessment() {
    }
}
