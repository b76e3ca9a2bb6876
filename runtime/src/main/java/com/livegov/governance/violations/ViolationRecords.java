package com.livegov.governance.violations;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The violation record ({@code governance.violations}) and the approvals each violation requested
 * ({@code governance.violation_approvals}). Writes join the caller's transaction: a refused report leaves
 * no record.
 */
@Repository
class ViolationRecords {

    /** A report as the case opens with it. */
    record Report(String streamerId, String violationKind, String reportedBy, String source, String sourceReference,
            Map<String, Object> evidence, int priorViolations) {
    }

    /** The decision recorded on a violation: severity, its evaluation, the measures and the fine. */
    record Decision(String severity, long evaluationId, String version, Map<String, Object> measures, BigDecimal fine,
            String fineStatus) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ViolationRecords(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void open(String violationId, Report report) {
        jdbc.update("""
                insert into governance.violations (violation_id, streamer_id, violation_kind, reported_by, source, source_reference,
                    evidence, prior_violations, reported_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                violationId, report.streamerId(), report.violationKind(), report.reportedBy(), report.source(),
                report.sourceReference(), toJson(report.evidence()), report.priorViolations(), OffsetDateTime.now());
    }

    /** How many violations of the streamer were reported in the 12 months before now, this one left out. */
    int violationsInLastYear(String streamerId, String except) {
        Integer count = jdbc.queryForObject("""
                select count(*) from governance.violations
                where streamer_id = ? and violation_id <> ? and reported_at > now() - interval '12 months'""",
                Integer.class, streamerId, except);
        return count == null ? 0 : count;
    }

    /** The evaluation a process instance made of a decision model: its record id and the model version. */
    Optional<Map<String, Object>> evaluationBy(String processInstanceId, String decision) {
        return jdbc.queryForList("""
                select id, version from governance.decision_evaluations
                where caller_kind = 'PROCESS' and caller_id = ? and decision = ? order by id desc limit 1""",
                processInstanceId, decision).stream().findFirst();
    }

    void decide(String violationId, Decision decision) {
        jdbc.update("""
                update governance.violations set severity = ?, decision_evaluation_id = ?, decision_version = ?, measures = ?::jsonb,
                    fine = ?, fine_status = ?, decided_at = ? where violation_id = ?""",
                decision.severity(), decision.evaluationId(), decision.version(), toJson(decision.measures()), decision.fine(),
                decision.fineStatus(), OffsetDateTime.now(), violationId);
    }

    /** Links an approval process instance to the violation that called it; nothing when the caller is no violation. */
    void linkApproval(String approvalInstanceId, String violationId, String action, String accountId) {
        jdbc.update("""
                insert into governance.violation_approvals (approval_instance_id, violation_id, action, account_id, requested_at)
                select ?, ?, ?, ?, ? where exists (select 1 from governance.violations where violation_id = ?)
                on conflict (approval_instance_id) do nothing""",
                approvalInstanceId, violationId, action, accountId, OffsetDateTime.now(), violationId);
    }

    List<ViolationApproval> approvals(String violationId) {
        return jdbc.query("""
                select * from governance.violation_approvals where violation_id = ? order by requested_at, approval_instance_id""",
                (rs, row) -> new ViolationApproval(rs.getString("approval_instance_id"), rs.getString("action"), rs.getString("account_id"),
                        rs.getObject("requested_at", OffsetDateTime.class), rs.getString("outcome"),
                        rs.getObject("concluded_at", OffsetDateTime.class)),
                violationId);
    }

    /** Locks the violation's row for the rest of the transaction; false when there is no such violation. */
    boolean lockViolation(String violationId) {
        return !jdbc.queryForList("select violation_id from governance.violations where violation_id = ? for update", String.class,
                violationId).isEmpty();
    }

    /** How many of the violation's approvals have not ended yet. */
    int openApprovals(String violationId) {
        Integer open = jdbc.queryForObject("select count(*) from governance.violation_approvals where violation_id = ? and outcome is null",
                Integer.class, violationId);
        return open == null ? 0 : open;
    }

    void concludeApproval(String approvalInstanceId, boolean approved) {
        jdbc.update("update governance.violation_approvals set outcome = ?, concluded_at = ? where approval_instance_id = ?",
                approved ? "APPROVED" : "REJECTED", OffsetDateTime.now(), approvalInstanceId);
    }

    /** A fine awaiting approval is imposed with the approval given, or withdrawn when there is none. */
    void settleFine(String violationId, String approval) {
        jdbc.update("""
                update governance.violations set fine_status = ?, fine_approval = ?
                where violation_id = ? and fine_status = 'AWAITING_APPROVAL'""",
                approval != null ? "IMPOSED" : "WITHDRAWN", approval, violationId);
    }

    void offboarding(String violationId, String offboardingId) {
        jdbc.update("update governance.violations set offboarding_id = ? where violation_id = ?", offboardingId, violationId);
    }

    /** The latest offboarding of a streamer who is offboarded or being offboarded; null for one who is staying. */
    String offboardingOf(String streamerId) {
        return jdbc.query("""
                select o.process_instance_id from governance.offboardings o join governance.streamers s on s.id = o.streamer_id
                where o.streamer_id = ? and s.status in ('OFFBOARDING', 'OFFBOARDED') order by o.started_at desc limit 1""",
                rs -> rs.next() ? rs.getString(1) : null, streamerId);
    }

    void outcome(String violationId, String outcome, boolean closed) {
        jdbc.update("update governance.violations set outcome = ?, closed_at = ? where violation_id = ?",
                outcome, closed ? OffsetDateTime.now() : null, violationId);
    }

    /** The violation with its approvals, for reading. */
    Optional<Violation> find(String violationId) {
        return jdbc.query("select * from governance.violations where violation_id = ?", (rs, row) -> new Violation(
                rs.getString("violation_id"), rs.getString("streamer_id"), rs.getString("violation_kind"), rs.getString("reported_by"),
                rs.getString("source"), rs.getString("source_reference"), fromJson(rs.getString("evidence")), rs.getInt("prior_violations"),
                rs.getString("severity"), rs.getObject("decision_evaluation_id", Long.class), rs.getString("decision_version"),
                fromJson(rs.getString("measures")), rs.getBigDecimal("fine"), rs.getString("fine_status"), rs.getString("fine_approval"),
                rs.getString("offboarding_id"), rs.getString("outcome"), rs.getObject("reported_at", OffsetDateTime.class),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                approvals(violationId)), violationId).stream().findFirst();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String column) {
        if (column == null) {
            return null;
        }
        try {
            return json.readValue(column, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a recorded JSON column", e);
        }
    }
}
