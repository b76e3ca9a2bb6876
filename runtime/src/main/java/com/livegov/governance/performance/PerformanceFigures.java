package com.livegov.governance.performance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly scores per streamer, and who is assessed in a month: every active streamer who had started by the
 * month's end. Loading scores and starting a month's assessment take the same lock, and the scores of a month that
 * is assessed are frozen.
 */
@Repository
class PerformanceFigures {

    /** A streamer assessed in a month, with the ops-manager who reviews the result. */
    record Eligible(String streamerId, String opsManager) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    PerformanceFigures(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Loads (or replaces) the scores of the streamers for the month, all or nothing, and records the load. */
    @Transactional
    void load(AssessedMonth month, Map<String, IndicatorScores> byStreamer, String loadedBy, String format, String fileSha256) {
        lockMonth(month);
        List<String> unknown = unknownStreamers(byStreamer.keySet());
        if (!unknown.isEmpty()) {
            throw new PerformanceRefused("No streamer " + String.join(", ", unknown) + "; nothing was loaded");
        }
        if (isAssessed(month)) {
            throw new PerformanceConflict("The scores of " + month + " are frozen: the month is assessed");
        }
        OffsetDateTime now = OffsetDateTime.now();
        byStreamer.forEach((streamerId, scores) -> jdbc.update("""
                insert into governance.performance_figures
                    (month, streamer_id, traffic_score, conversion_score, retention_score, service_score, new_product_conversion_score,
                     team_score, target, loaded_by, loaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (month, streamer_id) do update set traffic_score = excluded.traffic_score,
                    conversion_score = excluded.conversion_score, retention_score = excluded.retention_score,
                    service_score = excluded.service_score, new_product_conversion_score = excluded.new_product_conversion_score,
                    team_score = excluded.team_score, target = excluded.target, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at""",
                month.toString(), streamerId, scores.trafficScore(), scores.conversionScore(), scores.retentionScore(), scores.serviceScore(),
                scores.newProductConversionScore(), scores.teamScore(), scores.target(), loadedBy, now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "performance-scores");
        details.put("format", format);
        details.put("month", month.toString());
        details.put("streamers", byStreamer.keySet().stream().sorted().toList());
        if (fileSha256 != null) {
            details.put("fileSha256", fileSha256);
        }
        audit.record(AuditEntry.of(AuditAction.DATA_IMPORTED, loadedBy,
                fileSha256 != null ? new AuditTarget("FILE", fileSha256) : new AuditTarget("PERFORMANCE_MONTH", month.toString()),
                "performance scores of " + month + " loaded").withDetails(details));
    }

    /** The ids among these that name no streamer, sorted. */
    List<String> unknownStreamers(Collection<String> streamerIds) {
        return streamerIds.stream().filter(id -> !streamerExists(id)).sorted().toList();
    }

    /** Serializes the loading of scores and the start of a month's assessment (until the transaction ends). */
    void lockMonth(AssessedMonth month) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "performance-assessment:" + month);
    }

    boolean isAssessed(AssessedMonth month) {
        return !jdbc.queryForList("select 1 from governance.performance_runs where month = ?", Integer.class, month.toString()).isEmpty();
    }

    /** Every active streamer who had started by the end of the month. */
    List<Eligible> eligible(AssessedMonth month) {
        return jdbc.query("""
                select id, ops_manager from governance.streamers
                where status = 'ACTIVE' and started_on <= ? order by id""",
                (rs, row) -> new Eligible(rs.getString("id"), rs.getString("ops_manager")), month.lastDay());
    }

    /** The month's scores by streamer. */
    Map<String, IndicatorScores> of(AssessedMonth month) {
        Map<String, IndicatorScores> scores = new LinkedHashMap<>();
        jdbc.query("select * from governance.performance_figures where month = ? order by streamer_id",
                rs -> {
                    scores.put(rs.getString("streamer_id"), scores(rs));
                }, month.toString());
        return scores;
    }

    static IndicatorScores scores(ResultSet rs) throws SQLException {
        return new IndicatorScores(rs.getBigDecimal("traffic_score"), rs.getBigDecimal("conversion_score"), rs.getBigDecimal("retention_score"),
                rs.getBigDecimal("service_score"), rs.getBigDecimal("new_product_conversion_score"), rs.getBigDecimal("team_score"),
                rs.getBigDecimal("target"));
    }

    private boolean streamerExists(String streamerId) {
        Integer count = jdbc.queryForObject("select count(*) from governance.streamers where id = ?", Integer.class, streamerId);
        return count != null && count > 0;
    }
}
