package com.livegov.governance.traffic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import com.livegov.governance.violations.ViolationRefused;
import com.livegov.governance.violations.ViolationReports;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Receives a streamer's period metrics: the TrafficAlert decision grades them, the alert is stored, and an
 * {@code INVESTIGATE} opens a violation case with the metrics as evidence, all in one transaction.
 *
 * <p>One alert per streamer and period (a unique key in PostgreSQL): a repeated post answers the first alert
 * and starts nothing. Two posts of the same period at once, on one instance or on several, meet at that key:
 * the second waits for the first to commit, finds its alert and rolls back its own work (its evaluation
 * record included). The same period with other metrics is a conflict.
 */
@Service
class TrafficAlerts {

    static final String DECISION = "TrafficAlert";
    /** A traffic alert's investigation is reported as a decline, graded by the severity table with its metrics. */
    static final String VIOLATION_KIND = "INTERACTION_DECLINE";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The stored alert, and whether it was stored by an earlier post of the same period. */
    record Received(TrafficAlert alert, boolean repeated) {
    }

    private final JdbcTemplate jdbc;
    private final StreamerRegistry streamers;
    private final DecisionService decisions;
    private final ViolationReports violations;
    private final ObjectMapper json;

    TrafficAlerts(JdbcTemplate jdbc, StreamerRegistry streamers, DecisionService decisions, ViolationReports violations,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.streamers = streamers;
        this.decisions = decisions;
        this.violations = violations;
        this.json = json;
    }

    @Transactional
    Received receive(AlertReport report) {
        if (!streamers.exists(report.streamerId())) {
            throw new AlertProblem(AlertProblem.Kind.NOT_FOUND, "streamerId", "No streamer " + report.streamerId());
        }
        Optional<TrafficAlert> earlier = ofPeriod(report);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), report);
        }
        DecisionOutcome outcome = decisions.evaluate(DECISION, report.metrics(), DecisionCaller.user(report.reportedBy()));
        String level = (String) outcome.outputs().get(DECISION);
        String alertId = UUID.randomUUID().toString();
        int stored = jdbc.update("""
                insert into governance.traffic_alerts (alert_id, streamer_id, period_start, period_end, metrics, level,
                    decision_evaluation_id, decision_version, reported_by, received_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict on constraint traffic_alerts_one_per_period do nothing""",
                alertId, report.streamerId(), report.periodStart(), report.periodEnd(), toJson(report.metrics()), level,
                outcome.evaluationId(), outcome.version(), report.reportedBy(), OffsetDateTime.now());
        if (stored == 0) {
            // another post of this period committed first: its alert stands, this one leaves nothing
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return repeated(ofPeriod(report).orElseThrow(), report);
        }
        if ("INVESTIGATE".equals(level)) {
            String violationId = investigate(alertId, report, outcome);
            jdbc.update("update governance.traffic_alerts set violation_id = ? where alert_id = ?", violationId, alertId);
        }
        return new Received(find(alertId).orElseThrow(), false);
    }

    Optional<TrafficAlert> find(String alertId) {
        return jdbc.query("select * from governance.traffic_alerts where alert_id = ?", this::toAlert, alertId).stream().findFirst();
    }

    private String investigate(String alertId, AlertReport report, DecisionOutcome outcome) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("trafficAlert", alertId);
        evidence.put("periodStart", report.periodStart().toInstant().toString());
        evidence.put("periodEnd", report.periodEnd().toInstant().toString());
        evidence.put("metrics", report.metrics());
        evidence.put("alertLevel", outcome.outputs().get(DECISION));
        evidence.put("decisionEvaluationId", outcome.evaluationId());
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("streamerId", report.streamerId());
        start.put("violationKind", VIOLATION_KIND);
        start.put("source", "TRAFFIC_ALERT");
        start.put("sourceReference", alertId);
        start.put("reportedBy", report.reportedBy());
        start.put("evidence", evidence);
        start.put("fanLossRate", report.fanLossRate().doubleValue());
        start.put("interactionDrop", report.interactionDrop().doubleValue());
        start.put("diversionCount", 0);
        start.put("estimatedLoss", 0.0);
        try {
            return violations.report(start);
        } catch (ViolationRefused e) {
            throw new AlertProblem(AlertProblem.Kind.NOT_INVESTIGABLE, "streamerId", "The alert calls for an investigation that cannot open: "
                    + e.getMessage());
        }
    }

    private Received repeated(TrafficAlert earlier, AlertReport report) {
        if (!report.sameMetrics(earlier.metrics())) {
            throw new AlertProblem(AlertProblem.Kind.CONFLICT, null, "The period " + report.periodStart() + " to " + report.periodEnd()
                    + " of " + report.streamerId() + " was already reported with other metrics as alert " + earlier.alertId());
        }
        return new Received(earlier, true);
    }

    private Optional<TrafficAlert> ofPeriod(AlertReport report) {
        return jdbc.query("select * from governance.traffic_alerts where streamer_id = ? and period_start = ? and period_end = ?",
                this::toAlert, report.streamerId(), report.periodStart(), report.periodEnd()).stream().findFirst();
    }

    private TrafficAlert toAlert(ResultSet rs, int row) throws SQLException {
        return new TrafficAlert(rs.getString("alert_id"), rs.getString("streamer_id"), rs.getObject("period_start", OffsetDateTime.class),
                rs.getObject("period_end", OffsetDateTime.class), fromJson(rs.getString("metrics")), rs.getString("level"),
                rs.getLong("decision_evaluation_id"), rs.getString("decision_version"), rs.getString("violation_id"),
                rs.getString("reported_by"), rs.getObject("received_at", OffsetDateTime.class));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the metrics as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored metrics", e);
        }
    }
}
