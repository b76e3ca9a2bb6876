package com.livegov.governance.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.decisions.DecisionEvaluations;
import com.livegov.governance.offboarding.OffboardingTimeline;
import com.livegov.governance.performance.PerformanceRecords;

/**
 * An evidence pack as one CSV file that opens in a spreadsheet: RFC 4180 quoting, UTF-8 with a byte-order
 * mark (so names in any script survive), one row per item, the {@code section} column saying what the row is
 * ({@code audit}, {@code decision}, {@code account_action}, {@code offboarding}). A cell that a spreadsheet
 * would take for a formula (starting with {@code = + - @}) is prefixed with an apostrophe.
 */
final class EvidenceCsv {

    static final List<String> COLUMNS = List.of("section", "at", "reference", "actor", "action", "target", "reason",
            "process_instance_id", "version", "approval", "entry_hash", "details");

    private final ObjectMapper json;
    private final StringBuilder out = new StringBuilder("\uFEFF");

    private EvidenceCsv(ObjectMapper json) {
        this.json = json;
    }

    static String of(EvidencePacks.EvidencePack pack, ObjectMapper json) {
        EvidenceCsv csv = new EvidenceCsv(json);
        csv.row(COLUMNS);
        for (RecordedEntry entry : pack.auditEntries()) {
            csv.row("audit", entry.recordedAt(), String.valueOf(entry.sequence()), entry.actor(), entry.action(),
                    target(entry.targetKind(), entry.targetId()), entry.reason(), entry.processInstanceId(), null, null,
                    entry.entryHash(), CanonicalForm.json(entry.details()));
        }
        for (DecisionEvaluations.Evaluation evaluation : pack.decisions()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("inputs", evaluation.inputs());
            details.put("outputs", evaluation.outputs());
            details.put("matchedRules", evaluation.matchedRules());
            details.put("versionNumber", evaluation.versionNumber());
            csv.row("decision", evaluation.evaluatedAt(), String.valueOf(evaluation.id()), caller(evaluation), evaluation.decision(),
                    evaluation.namespace(), null, "PROCESS".equals(evaluation.callerKind()) ? evaluation.callerId() : null,
                    evaluation.version(), null, null, csv.toJson(details));
        }
        for (EvidencePacks.AccountActionEvidence action : pack.accountActions()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("parameters", action.parameters());
            details.put("outcome", action.outcome());
            details.put("approvals", action.approvals());
            csv.row("account_action", action.executedAt(), action.actionId(), action.actor(), action.action(),
                    target("ACCOUNT", action.accountId()), action.reason(), action.processInstanceId(), null,
                    approval(action), null, csv.toJson(details));
        }
        for (OffboardingTimeline.Offboarding offboarding : pack.offboardings()) {
            for (OffboardingTimeline.Step step : offboarding.steps()) {
                csv.row("offboarding", step.at(), offboarding.processInstanceId(), step.actor(), step.step(), step.element(), step.detail(),
                        offboarding.processInstanceId(), null, null, null, null);
            }
        }
        for (PerformanceRecords.Month month : pack.performance()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("scores", month.scores());
            details.put("result", month.result());
            details.put("review", month.review());
            details.put("outcome", month.outcome());
            details.put("matchedRules", month.decision().matchedRules());
            csv.row("performance", month.result().assessedAt(), month.month(), month.review().reviewedBy(), month.status(),
                    month.decision().model() + " v" + month.decision().versionNumber(), month.review().comment(), month.assessmentId(),
                    month.decision().version(), month.outcome().choice(), null, csv.toJson(details));
        }
        return csv.out.toString();
    }

    private static String caller(DecisionEvaluations.Evaluation evaluation) {
        return "PROCESS".equals(evaluation.callerKind()) ? "process:" + evaluation.processId() : evaluation.callerId();
    }

    /** The approval reference and who decided each level: {@code <reference> (mia: approved; dora: approved)}. */
    private static String approval(EvidencePacks.AccountActionEvidence action) {
        if (action.approvalReference() == null) {
            return null;
        }
        List<String> decided = new ArrayList<>();
        for (EvidencePacks.Approval approval : action.approvals()) {
            decided.add(approval.approver() + ": " + (approval.approved() != null && approval.approved().asBoolean() ? "approved" : "rejected"));
        }
        return decided.isEmpty() ? action.approvalReference() : action.approvalReference() + " (" + String.join("; ", decided) + ")";
    }

    private static String target(String kind, String id) {
        return kind == null ? id : kind.toLowerCase() + ":" + id;
    }

    private void row(String section, OffsetDateTime at, String... cells) {
        List<String> row = new ArrayList<>();
        row.add(section);
        row.add(at == null ? null : CanonicalForm.time(at.toInstant()));
        row.addAll(Arrays.asList(cells));
        row(row);
    }

    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Evidence that is not JSON", e);
        }
    }
}
