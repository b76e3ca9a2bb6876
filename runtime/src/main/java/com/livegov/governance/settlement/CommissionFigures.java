package com.livegov.governance.settlement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The monthly figures per streamer, and who is settled in a month: every active streamer who had started by the
 * month's end. Loading figures and starting a settlement of the same month take the same lock, and the figures
 * of a month that is being settled or is settled are frozen.
 */
@Repository
class CommissionFigures {

    /** A streamer the settlement of a month pays. */
    record Eligible(String streamerId, String tier, LocalDate startedOn) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    CommissionFigures(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Loads the figures of an uploaded file (as {@link #load}) and records the upload with the file's hash. */
    @Transactional
    void loadFile(SettlementMonth month, Map<String, MonthlyFigures> byStreamer, String loadedBy, String fileSha256) {
        load(month, byStreamer, loadedBy);
        audit.record(AuditEntry.of(AuditAction.DATA_IMPORTED, loadedBy, new AuditTarget("FILE", fileSha256),
                "commission figures of " + month + " loaded").withDetails(Map.of("kind", "commission-figures", "format", "CSV",
                        "month", month.toString(), "fileSha256", fileSha256, "streamers", byStreamer.size())));
    }

    /** The ids among these that name no streamer, sorted. */
    List<String> unknownStreamers(java.util.Collection<String> streamerIds) {
        return streamerIds.stream().filter(id -> !streamerExists(id)).sorted().toList();
    }

    /** Loads (or replaces) the figures of the streamers for the month, all or nothing. */
    @Transactional
    void load(SettlementMonth month, Map<String, MonthlyFigures> byStreamer, String loadedBy) {
        lockMonth(month);
        List<String> unknown = byStreamer.keySet().stream().filter(id -> !streamerExists(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new SettlementRefused("No streamer " + String.join(", ", unknown));
        }
        List<String> settled = jdbc.queryForList("""
                select status from governance.commission_settlements
                where month = ? and holds_month""", String.class, month.toString());
        if (!settled.isEmpty()) {
            throw new SettlementConflict("The figures of " + month + " are frozen: its settlement is " + settled.get(0));
        }
        OffsetDateTime now = OffsetDateTime.now();
        byStreamer.forEach((streamerId, figures) -> jdbc.update("""
                insert into governance.commission_figures
                    (month, streamer_id, sales, target, traffic_sales, profit_pool, loaded_by, loaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (month, streamer_id) do update set sales = excluded.sales, target = excluded.target,
                    traffic_sales = excluded.traffic_sales, profit_pool = excluded.profit_pool,
                    loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at""",
                month.toString(), streamerId, figures.sales(), figures.target(), figures.trafficSales(), figures.profitPool(),
                loadedBy, now));
    }

    /** Serializes the loading of figures and the start of a settlement of one month (until the transaction ends). */
    void lockMonth(SettlementMonth month) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", "commission-settlement:" + month);
    }

    /** Every active streamer who had started by the end of the month. */
    List<Eligible> eligible(SettlementMonth month) {
        return jdbc.query("""
                select id, tier, started_on from governance.streamers
                where status = 'ACTIVE' and started_on <= ? order by id""",
                (rs, row) -> new Eligible(rs.getString("id"), rs.getString("tier"), rs.getObject("started_on", LocalDate.class)),
                month.lastDay());
    }

    /** The month's figures by streamer. */
    Map<String, MonthlyFigures> of(SettlementMonth month) {
        Map<String, MonthlyFigures> figures = new LinkedHashMap<>();
        jdbc.query("""
                select streamer_id, sales, target, traffic_sales, profit_pool from governance.commission_figures
                where month = ? order by streamer_id""",
                rs -> {
                    figures.put(rs.getString("streamer_id"), new MonthlyFigures(rs.getBigDecimal("sales"), rs.getBigDecimal("target"),
                            rs.getBigDecimal("traffic_sales"), rs.getBigDecimal("profit_pool")));
                }, month.toString());
        return figures;
    }

    /** The month's figures as loaded, with who loaded them and when. */
    List<Map<String, Object>> listed(SettlementMonth month) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query("""
                select streamer_id, sales, target, traffic_sales, profit_pool, loaded_by, loaded_at
                from governance.commission_figures where month = ? order by streamer_id""",
                rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("streamerId", rs.getString("streamer_id"));
                    row.put("sales", rs.getBigDecimal("sales"));
                    row.put("target", rs.getBigDecimal("target"));
                    row.put("trafficSales", rs.getBigDecimal("traffic_sales"));
                    row.put("profitPool", rs.getBigDecimal("profit_pool"));
                    row.put("loadedBy", rs.getString("loaded_by"));
                    row.put("loadedAt", rs.getObject("loaded_at", OffsetDateTime.class));
                    rows.add(row);
                }, month.toString());
        return rows;
    }

    private boolean streamerExists(String streamerId) {
        Integer count = jdbc.queryForObject("select count(*) from governance.streamers where id = ?", Integer.class, streamerId);
        return count != null && count > 0;
    }
}
