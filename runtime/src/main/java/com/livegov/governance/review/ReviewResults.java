package com.livegov.governance.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.livegov.governance.history.ProcessHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads reviews back for the API: the review, its streamers and deviations, and for each requested downgrade the
 * state of its approval (from the account actions executed under it and the approval's process history).
 */
@Repository
class ReviewResults {

    private final JdbcTemplate jdbc;
    private final ProcessHistory history;

    ReviewResults(JdbcTemplate jdbc, ProcessHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Transactional(readOnly = true)
    Optional<ReviewView> review(String id) {
        List<ReviewView.Streamer> streamers = jdbc.query("""
                select * from governance.permission_review_streamers where review_id = ? order by ops_manager, streamer_id""",
                (rs, row) -> new ReviewView.Streamer(rs.getString("streamer_id"), rs.getString("tier"), rs.getString("ops_manager"),
                        rs.getInt("grants_reviewed"), rs.getInt("deviations_found")), id);
        List<ReviewView.Finding> deviations = jdbc.query("""
                select * from governance.permission_review_deviations where review_id = ? order by ops_manager, number""",
                (rs, row) -> finding(rs), id);
        return jdbc.query("select * from governance.permission_reviews where process_instance_id = ?",
                (rs, row) -> new ReviewView(id, rs.getString("quarter"), status(rs), rs.getString("started_by"), time(rs, "started_at"),
                        time(rs, "compared_at"), time(rs, "completed_at"), (Integer) rs.getObject("streamers_reviewed"),
                        (Integer) rs.getObject("grants_reviewed"), (Integer) rs.getObject("deviations_found"), streamers, deviations),
                id).stream().findFirst();
    }

    /** Every review, newest quarter first; only the quarter's when one is given. */
    List<ReviewView.Summary> reviews(String quarter) {
        String select = "select * from governance.permission_reviews ";
        return quarter == null
                ? jdbc.query(select + "order by quarter desc, started_at desc", (rs, row) -> summary(rs))
                : jdbc.query(select + "where quarter = ? order by started_at desc", (rs, row) -> summary(rs), quarter);
    }

    private static ReviewView.Summary summary(ResultSet rs) throws SQLException {
        return new ReviewView.Summary(rs.getString("process_instance_id"), rs.getString("quarter"), status(rs), rs.getString("started_by"),
                time(rs, "started_at"), (Integer) rs.getObject("deviations_found"), time(rs, "completed_at"));
    }

    private ReviewView.Finding finding(ResultSet rs) throws SQLException {
        String approvalId = rs.getString("approval_instance_id");
        return new ReviewView.Finding(rs.getLong("id"), rs.getString("ops_manager"), rs.getInt("number"), rs.getString("streamer_id"),
                rs.getString("tier"), rs.getString("account_id"), rs.getString("account_kind"), rs.getString("account_status"),
                rs.getLong("grant_id"), rs.getString("level"), rs.getBoolean("data_export"), rs.getString("expected_level"),
                rs.getBoolean("data_export_allowed"), ReviewRecords.kinds(rs), rs.getLong("decision_evaluation_id"),
                rs.getString("decision_version"), rs.getString("answer"), rs.getString("answered_by"), time(rs, "answered_at"),
                rs.getString("comment"), approvalId == null ? null : approval(approvalId));
    }

    private ReviewView.Approval approval(String approvalId) {
        Optional<OffsetDateTime> executed = jdbc.query("""
                select executed_at from governance.account_actions where approval_reference = ? and action = 'DOWNGRADE_PERMISSIONS'""",
                (rs, row) -> time(rs, "executed_at"), approvalId).stream().findFirst();
        if (executed.isPresent()) {
            return new ReviewView.Approval(approvalId, "DOWNGRADED", executed.get());
        }
        history.flush();
        String ended = jdbc.query("""
                select event_type from governance.process_events
                where process_instance_id = ? and event_type in ('PROCESS_COMPLETED', 'PROCESS_ABORTED', 'PROCESS_FAILED')
                order by id desc limit 1""", (rs, row) -> rs.getString(1), approvalId).stream().findFirst().orElse(null);
        String status = ended == null ? "AWAITING_APPROVAL"
                : switch (ended) {
                    case "PROCESS_ABORTED" -> "ABORTED";
                    case "PROCESS_FAILED" -> "FAILED";
                    // an approval that completed without executing the action was rejected at some level
                    default -> "REJECTED";
                };
        return new ReviewView.Approval(approvalId, status, null);
    }

    private static String status(ResultSet rs) throws SQLException {
        if (rs.getObject("aborted_at") != null) {
            return "ABORTED";
        }
        if (rs.getObject("completed_at") != null) {
            return "COMPLETED";
        }
        return rs.getObject("compared_at") != null ? "IN_REVIEW" : "COMPARING";
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
