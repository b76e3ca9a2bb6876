package com.livegov.governance.performance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A streamer's performance record, read back: every assessed month with its scores, the decision version it was scored
 * with, the ops-manager's review and the outcome (an improvement case and HR's choice, the offboarding it started).
 * Used by {@code GET /performance/{streamerId}}, the streamer page and the evidence pack.
 */
@Repository
public class PerformanceRecords {

    /** One assessed month. */
    public record Month(String month, String assessmentId, String status, Scores scores, Result result, Decision decision, Review review,
            Outcome outcome) {
    }

    /** The scores the month was computed from. */
    public record Scores(BigDecimal trafficScore, BigDecimal conversionScore, BigDecimal retentionScore, BigDecimal serviceScore,
            BigDecimal newProductConversionScore, BigDecimal teamScore, BigDecimal target) {
    }

    /** What PerformanceScore answered, and how many weak months in a row this month ends. */
    public record Result(BigDecimal individualScore, BigDecimal combinedScore, boolean targetMet, String grade, int weakMonths,
            OffsetDateTime assessedAt) {
    }

    /** The recorded evaluation: its id, the model version (hash and number) and the rules it matched. */
    public record Decision(String model, long evaluationId, String version, int versionNumber, List<String> matchedRules) {
    }

    /** The ops-manager's review; the comment is shown to the streamer. */
    public record Review(String opsManager, String reviewedBy, OffsetDateTime reviewedAt, String comment) {
    }

    /** The improvement case of a third weak month in a row, when one was opened. */
    public record Outcome(boolean improvementCase, OffsetDateTime openedAt, String choice, String note, String decidedBy,
            OffsetDateTime decidedAt, String offboardingId) {
    }

    private final JdbcTemplate jdbc;

    PerformanceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The streamer's months, newest first. */
    @Transactional(readOnly = true)
    public List<Month> months(String streamerId) {
        return jdbc.query("select * from governance.performance_assessments where streamer_id = ? order by month desc",
                (rs, row) -> month(rs), streamerId);
    }

    /** The ops-manager of the streamer, or empty when the streamer is unknown (a value of null: nobody). */
    Optional<Optional<String>> opsManagerOf(String streamerId) {
        return jdbc.query("select ops_manager from governance.streamers where id = ?",
                (rs, row) -> Optional.ofNullable(rs.getString(1)), streamerId).stream().findFirst();
    }

    private static Month month(ResultSet rs) throws SQLException {
        Scores scores = new Scores(rs.getBigDecimal("traffic_score"), rs.getBigDecimal("conversion_score"), rs.getBigDecimal("retention_score"),
                rs.getBigDecimal("service_score"), rs.getBigDecimal("new_product_conversion_score"), rs.getBigDecimal("team_score"),
                rs.getBigDecimal("target"));
        Result result = new Result(rs.getBigDecimal("individual_score"), rs.getBigDecimal("combined_score"), rs.getBoolean("target_met"),
                rs.getString("grade"), rs.getInt("weak_months"), rs.getObject("assessed_at", OffsetDateTime.class));
        Decision decision = new Decision(PerformanceAssessment.DECISION, rs.getLong("decision_evaluation_id"), rs.getString("decision_version"),
                rs.getInt("decision_version_number"), List.of((String[]) rs.getArray("matched_rules").getArray()));
        Review review = new Review(rs.getString("ops_manager"), rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("review_comment"));
        OffsetDateTime opened = rs.getObject("improvement_opened_at", OffsetDateTime.class);
        Outcome outcome = new Outcome(opened != null, opened, rs.getString("improvement_choice"), rs.getString("improvement_note"),
                rs.getString("improvement_decided_by"), rs.getObject("improvement_decided_at", OffsetDateTime.class),
                rs.getString("offboarding_id"));
        return new Month(rs.getString("month"), rs.getString("process_instance_id"), rs.getString("status"), scores, result, decision, review,
                outcome);
    }
}
