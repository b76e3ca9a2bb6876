package com.livegov.governance.review;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a review writes (tables of {@code V8__permission_review.sql}): the review of a quarter, every streamer it
 * compared, every deviation, and each ops-manager's answer with the approval it started.
 */
@Repository
class ReviewRecords {

    /** A deviation as the ops-manager answers it. */
    record OpenDeviation(long id, int number, String accountId, String accountKind, String expectedLevel, String summary) {
    }

    private final JdbcTemplate jdbc;

    ReviewRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> reviewOf(String quarter) {
        return jdbc.queryForList("select process_instance_id from governance.permission_reviews where quarter = ? and aborted_at is null",
                String.class, quarter)
                .stream().findFirst();
    }

    void open(String reviewId, String quarter, String startedBy) {
        jdbc.update("insert into governance.permission_reviews (process_instance_id, quarter, started_by, started_at) values (?, ?, ?, ?)",
                reviewId, quarter, startedBy, now());
    }

    List<ReviewedStreamer> activeStreamers() {
        return jdbc.query("select id, tier, ops_manager from governance.streamers where status = 'ACTIVE' order by ops_manager, id",
                (rs, row) -> new ReviewedStreamer(rs.getString("id"), rs.getString("tier"), rs.getString("ops_manager")));
    }

    List<ReviewedStreamer.Grant> activeGrants(String streamerId) {
        return jdbc.query("""
                select g.id, g.account_id, a.kind, a.status, g.level, g.data_export
                from governance.permission_grants g join governance.accounts a on a.id = g.account_id
                where g.streamer_id = ? and g.revoked_at is null order by g.account_id, g.id""",
                (rs, row) -> new ReviewedStreamer.Grant(rs.getLong("id"), rs.getString("account_id"), rs.getString("kind"),
                        rs.getString("status"), rs.getString("level"), rs.getBoolean("data_export")), streamerId);
    }

    void recordStreamer(String reviewId, ReviewedStreamer streamer, int grants, int deviations) {
        jdbc.update("""
                insert into governance.permission_review_streamers (review_id, streamer_id, tier, ops_manager, grants_reviewed, deviations_found)
                values (?, ?, ?, ?, ?, ?)""", reviewId, streamer.id(), streamer.tier(), streamer.opsManager(), grants, deviations);
    }

    void recordDeviation(String reviewId, int number, Deviation deviation) {
        ReviewedStreamer.Grant grant = deviation.grant();
        jdbc.update("""
                insert into governance.permission_review_deviations (review_id, ops_manager, number, streamer_id, tier, grant_id, account_id,
                    account_kind, account_status, level, data_export, expected_level, data_export_allowed, kinds,
                    decision_evaluation_id, decision_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                reviewId, deviation.streamer().opsManager(), number, deviation.streamer().id(), deviation.streamer().tier(), grant.id(),
                grant.accountId(), grant.accountKind(), grant.accountStatus(), grant.level(), grant.dataExport(), deviation.expectedLevel(),
                deviation.dataExportAllowed(), deviation.kinds().toArray(String[]::new), deviation.evaluationId(), deviation.decisionVersion());
    }

    void recordComparison(String reviewId, int streamers, int grants, int deviations) {
        jdbc.update("""
                update governance.permission_reviews set streamers_reviewed = ?, grants_reviewed = ?, deviations_found = ?, compared_at = ?
                where process_instance_id = ?""", streamers, grants, deviations, now(), reviewId);
    }

    /** The ops-manager's deviations in this review, by number, as their task lists them. */
    List<Map<String, Object>> taskList(String reviewId, String opsManager) {
        return jdbc.query("""
                select * from governance.permission_review_deviations where review_id = ? and ops_manager = ? order by number""",
                (rs, row) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("number", rs.getInt("number"));
                    item.put("streamerId", rs.getString("streamer_id"));
                    item.put("tier", rs.getString("tier"));
                    item.put("accountId", rs.getString("account_id"));
                    item.put("accountKind", rs.getString("account_kind"));
                    item.put("accountStatus", rs.getString("account_status"));
                    item.put("grant", grantText(rs.getString("level"), rs.getBoolean("data_export")));
                    item.put("baseline", grantText(rs.getString("expected_level"), rs.getBoolean("data_export_allowed")));
                    item.put("deviation", String.join(", ", kinds(rs)));
                    return item;
                }, reviewId, opsManager);
    }

    List<OpenDeviation> deviationsOf(String reviewId, String opsManager) {
        return jdbc.query("""
                select * from governance.permission_review_deviations where review_id = ? and ops_manager = ? order by number""",
                (rs, row) -> new OpenDeviation(rs.getLong("id"), rs.getInt("number"), rs.getString("account_id"), rs.getString("account_kind"),
                        rs.getString("expected_level"), rs.getString("streamer_id") + " has " + grantText(rs.getString("level"),
                                rs.getBoolean("data_export")) + " on " + rs.getString("account_id") + " (" + rs.getString("account_status")
                                + "); the baseline is " + grantText(rs.getString("expected_level"), rs.getBoolean("data_export_allowed"))),
                reviewId, opsManager);
    }

    void answer(long deviationId, String answer, String answeredBy, String comment, String approvalInstanceId) {
        jdbc.update("""
                update governance.permission_review_deviations set answer = ?, answered_by = ?, answered_at = ?, comment = ?,
                    approval_instance_id = ?
                where id = ?""", answer, answeredBy, now(), comment, approvalInstanceId, deviationId);
    }

    void complete(String reviewId) {
        jdbc.update("update governance.permission_reviews set completed_at = ? where process_instance_id = ?", now(), reviewId);
    }

    /** The review's process instance was aborted: the review stays on record and no longer holds its quarter. */
    void abort(String reviewId) {
        jdbc.update("update governance.permission_reviews set aborted_at = ? where process_instance_id = ?", now(), reviewId);
    }

    /** The account's state now (it may have changed since the comparison). */
    String accountStatus(String accountId) {
        return jdbc.queryForObject("select status from governance.accounts where id = ?", String.class, accountId);
    }

    static String grantText(String level, boolean dataExport) {
        return level + (dataExport ? " with data export" : " without data export");
    }

    static List<String> kinds(ResultSet rs) throws SQLException {
        Array kinds = rs.getArray("kinds");
        return kinds == null ? List.of() : Arrays.asList((String[]) kinds.getArray());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
