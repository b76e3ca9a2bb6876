package com.livegov.governance.start;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.violations.ViolationEscalation;

/**
 * A violation report, as typed: the streamer, what kind, where it was seen, the inputs of the ViolationSeverity
 * decision ({@code rules/violation-severity}) and the evidence. The reporter is the login, never a field.
 */
record ViolationForm(String streamerId, String violationKind, String source, String sourceReference, String evidence,
        String fanLossRate, String interactionDrop, String priorViolations, String diversionCount, String estimatedLoss) {

    /** The kinds the ViolationSeverity decision allows ({@code ViolationKind}). */
    static final List<String> KINDS = List.of("OFF_PLATFORM_DIVERSION", "COMPETITOR_MENTION", "HINTING_DEPARTURE", "ILLEGAL_CONTENT",
            "INTERACTION_DECLINE", "CONTENT_QUALITY_DROP", "PERSONAL_BRAND_OVER_COMPANY", "DATA_EXPORT_ATTEMPT", "WORKING_FOR_COMPETITOR");
    static final List<String> SOURCES = ViolationEscalation.SOURCES;
    /** The decision's inputs, the fields a refusal of the decision can name. */
    static final List<String> DECISION_INPUTS = List.of("violationKind", "fanLossRate", "interactionDrop", "priorViolations",
            "diversionCount", "estimatedLoss");
    static final int EVIDENCE_MAX = 4000;
    static final int REFERENCE_MAX = 200;

    /** An empty report on the streamer given (from a link on a streamer's page), if any: the measurements at zero. */
    static ViolationForm on(String streamerId) {
        return new ViolationForm(streamerId, null, "OPERATIONS", null, null, "0", "0", "0", "0", "0");
    }

    /** The measurements as typed, by field, in the order the form shows them. */
    public Map<String, String> measures() {
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("fanLossRate", fanLossRate);
        measures.put("interactionDrop", interactionDrop);
        measures.put("priorViolations", priorViolations);
        measures.put("diversionCount", diversionCount);
        measures.put("estimatedLoss", estimatedLoss);
        return measures;
    }

    /** The start variables of {@code violationEscalation}, the errors noted for every field that is wrong. */
    Map<String, Object> variables(FormErrors errors) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("streamerId", errors.text("streamerId", streamerId, REFERENCE_MAX));
        variables.put("violationKind", errors.choice("violationKind", violationKind, KINDS));
        variables.put("source", errors.choice("source", source, SOURCES));
        variables.put("sourceReference", errors.optionalText("sourceReference", sourceReference, REFERENCE_MAX));
        String seen = errors.text("evidence", evidence, EVIDENCE_MAX);
        variables.put("evidence", seen == null ? null : Map.of("description", seen));
        variables.put("fanLossRate", errors.amount("fanLossRate", fanLossRate));
        variables.put("interactionDrop", errors.decimal("interactionDrop", interactionDrop, false));
        variables.put("priorViolations", errors.wholeNumber("priorViolations", priorViolations, 0));
        variables.put("diversionCount", errors.wholeNumber("diversionCount", diversionCount, 0));
        variables.put("estimatedLoss", errors.amount("estimatedLoss", estimatedLoss));
        return variables;
    }
}
