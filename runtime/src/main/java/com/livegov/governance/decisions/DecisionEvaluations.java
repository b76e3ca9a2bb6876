package com.livegov.governance.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.audit.DeferredAuditEntries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of every successful evaluation: decision, version, inputs, outputs, matched rules, caller, time.
 * It joins the caller's transaction: a process step that rolls back takes its evaluation record with it.
 * Each evaluation is also referenced in the audit trail (its id, time, the decision and the version): chained with
 * the change it is part of (a process step, a traffic alert), or queued for the sealer when the evaluation is the
 * whole request (the decisions API: it changes nothing else, and taking the chain's lock for each would make all
 * of them wait on one another). Such an evaluation is one statement, with no transaction around it: the row
 * is written with {@code awaiting_chain}, and {@code audit/AuditSealer} chains it.
 */
@Repository
public class DecisionEvaluations implements DeferredAuditEntries {

    private static final String INSERT = """
            insert into governance.decision_evaluations
                (evaluated_at, decision, namespace, version, version_number, inputs, outputs, matched_rules,
                 caller_kind, caller_id, process_id, awaiting_chain)
            values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)
            returning id""";

    /** A recorded evaluation, as the evidence of a decision. */
    public record Evaluation(long id, OffsetDateTime evaluatedAt, String decision, String namespace, String version, int versionNumber,
            JsonNode inputs, JsonNode outputs, List<String> matchedRules, String callerKind, String callerId, String processId) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;

    DecisionEvaluations(JdbcTemplate jdbc, ObjectMapper json, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    DecisionOutcome record(PublishedDecision decision, Instant asOf, Instant evaluatedAt, Map<String, Object> inputs,
            Map<String, Object> outputs, List<String> matchedRules, DecisionCaller caller, boolean standalone) {
        OffsetDateTime now = (evaluatedAt != null ? OffsetDateTime.ofInstant(evaluatedAt, java.time.ZoneId.systemDefault()) : OffsetDateTime.now())
                .truncatedTo(ChronoUnit.MICROS);
        Long id = jdbc.queryForObject(INSERT, Long.class,
                now, decision.name(), decision.namespace(), decision.version(), decision.number(), toJson(inputs), toJson(outputs),
                matchedRules.toArray(String[]::new), caller.kind(), caller.id(), caller.processId(), standalone);
        if (!standalone) {
            audit.record(auditEntry(id, now, decision.name(), decision.namespace(), decision.version(), decision.number(), matchedRules,
                    caller));
        }
        return new DecisionOutcome(id, decision.name(), decision.version(), decision.number(), asOf, outputs, matchedRules, now);
    }

    @Override
    public boolean anyUnchained() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from governance.decision_evaluations where awaiting_chain)", Boolean.class));
    }

    /** The evaluations recorded standalone and not chained yet, oldest first, now marked chained (the sealer's transaction). */
    @Override
    public List<AuditEntry> takeUnchained(int max) {
        List<Map.Entry<Long, AuditEntry>> taken = new ArrayList<>(jdbc.query("""
                update governance.decision_evaluations set awaiting_chain = false
                where id in (select id from governance.decision_evaluations where awaiting_chain order by id limit ? for update)
                returning id, evaluated_at, decision, namespace, version, version_number, matched_rules, caller_kind, caller_id, process_id""",
                (rs, row) -> Map.entry(rs.getLong("id"), auditEntry(rs.getLong("id"), rs.getObject("evaluated_at", OffsetDateTime.class),
                        rs.getString("decision"), rs.getString("namespace"), rs.getString("version"), rs.getInt("version_number"),
                        Arrays.asList((String[]) rs.getArray("matched_rules").getArray()),
                        new DecisionCaller(rs.getString("caller_kind"), rs.getString("caller_id"), rs.getString("process_id")))),
                max));
        taken.sort(Map.Entry.comparingByKey());
        return taken.stream().map(Map.Entry::getValue).toList();
    }

    /** The evaluations made by these process instances, oldest first. */
    public List<Evaluation> ofProcessInstances(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select * from governance.decision_evaluations
                where caller_kind = 'PROCESS' and caller_id = any(?) order by evaluated_at, id""",
                (rs, row) -> evaluation(rs), (Object) processInstanceIds.toArray(String[]::new));
    }

    private static AuditEntry auditEntry(long id, OffsetDateTime evaluatedAt, String decision, String namespace, String version,
            int versionNumber, List<String> matchedRules, DecisionCaller caller) {
        boolean byProcess = "PROCESS".equals(caller.kind());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evaluationId", id);
        details.put("evaluatedAt", evaluatedAt.toInstant().toString());
        details.put("decision", decision);
        details.put("namespace", namespace);
        details.put("version", version);
        details.put("versionNumber", versionNumber);
        details.put("matchedRules", matchedRules);
        details.put("processId", caller.processId());
        AuditEntry entry = AuditEntry.of(AuditAction.DECISION_EVALUATED, byProcess ? "process:" + caller.processId() : caller.id(),
                AuditTarget.decision(decision), null).withDetails(details);
        return byProcess ? entry.inProcess(caller.id()) : entry;
    }

    private Evaluation evaluation(ResultSet rs) throws SQLException {
        return new Evaluation(rs.getLong("id"), rs.getObject("evaluated_at", OffsetDateTime.class), rs.getString("decision"),
                rs.getString("namespace"), rs.getString("version"), rs.getInt("version_number"), fromJson(rs.getString("inputs")), fromJson(rs.getString("outputs")),
                Arrays.asList((String[]) rs.getArray("matched_rules").getArray()), rs.getString("caller_kind"), rs.getString("caller_id"),
                rs.getString("process_id"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record an evaluation as JSON", e);
        }
    }

    private JsonNode fromJson(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded evaluation is not JSON", e);
        }
    }
}
