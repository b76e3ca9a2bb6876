package com.livegov.governance.decisions;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of every successful evaluation: decision, version, inputs, outputs, matched rules, caller, time.
 * It joins the caller's transaction: a process step that rolls back takes its evaluation record with it.
 */
@Repository
class DecisionEvaluations {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DecisionEvaluations(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    DecisionOutcome record(PublishedDecision decision, Map<String, Object> inputs, Map<String, Object> outputs,
            List<String> matchedRules, DecisionCaller caller) {
        OffsetDateTime now = OffsetDateTime.now();
        Long id = jdbc.queryForObject("""
                insert into governance.decision_evaluations
                    (evaluated_at, decision, namespace, version, inputs, outputs, matched_rules,
                     caller_kind, caller_id, process_id)
                values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                returning id""", Long.class,
                now, decision.name(), decision.namespace(), decision.version(), toJson(inputs), toJson(outputs),
                matchedRules.toArray(String[]::new), caller.kind(), caller.id(), caller.processId());
        return new DecisionOutcome(id, decision.name(), decision.version(), outputs, matchedRules, now);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record an evaluation as JSON", e);
        }
    }
}
