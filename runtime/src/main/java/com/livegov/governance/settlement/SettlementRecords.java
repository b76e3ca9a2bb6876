package com.livegov.governance.settlement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads settlements back: the settlement that holds a month (under way or approved, else the latest), with its payouts. */
@Repository
class SettlementRecords {

    private final JdbcTemplate jdbc;

    SettlementRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<SettlementView> ofMonth(SettlementMonth month) {
        List<SettlementView.Attempt> attempts = jdbc.query("""
                select process_instance_id, status, started_by, started_at from governance.commission_settlements
                where month = ?
                order by holds_month desc, started_at desc""",
                (rs, row) -> new SettlementView.Attempt(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)),
                month.toString());
        if (attempts.isEmpty()) {
            return Optional.empty();
        }
        String id = attempts.get(0).processInstanceId();
        List<Payout> payouts = jdbc.query("""
                select * from governance.commission_payouts where settlement_id = ? order by streamer_id""",
                (rs, row) -> payout(rs), id);
        return Optional.of(jdbc.queryForObject("select * from governance.commission_settlements where process_instance_id = ?",
                (rs, row) -> settlement(rs, payouts, attempts.subList(1, attempts.size())), id));
    }

    private static SettlementView settlement(ResultSet rs, List<Payout> payouts, List<SettlementView.Attempt> earlier) throws SQLException {
        SettlementView.HrReview hr = new SettlementView.HrReview(rs.getString("hr_reviewed_by"),
                rs.getObject("hr_reviewed_at", OffsetDateTime.class), (Boolean) rs.getObject("hr_approved"), rs.getString("hr_comment"));
        SettlementView.DirectorApproval director = new SettlementView.DirectorApproval(
                (Boolean) rs.getObject("director_approval_required"), rs.getString("director_approval_reason"),
                (Long) rs.getObject("approval_evaluation_id"), rs.getString("approval_decision_version"),
                rs.getString("director_decided_by"), rs.getObject("director_decided_at", OffsetDateTime.class),
                (Boolean) rs.getObject("director_approved"), rs.getString("director_comment"));
        return new SettlementView(rs.getString("month"), rs.getString("process_instance_id"), rs.getString("status"),
                rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class), (Integer) rs.getObject("payout_count"),
                rs.getBigDecimal("total"), rs.getBigDecimal("largest_payout"), hr, director,
                rs.getObject("approved_at", OffsetDateTime.class), payouts, List.copyOf(earlier));
    }

    private static Payout payout(ResultSet rs) throws SQLException {
        MonthlyFigures figures = new MonthlyFigures(rs.getBigDecimal("sales"), rs.getBigDecimal("target"),
                rs.getBigDecimal("traffic_sales"), rs.getBigDecimal("profit_pool"));
        Payout.Split split = new Payout.Split(rs.getBigDecimal("base_rate"), rs.getBigDecimal("base_amount"), rs.getBoolean("target_met"),
                rs.getBigDecimal("excess_rate"), rs.getBigDecimal("excess_amount"), rs.getBigDecimal("traffic_rate"),
                rs.getBigDecimal("traffic_amount"), rs.getBoolean("dividend_eligible"), rs.getBigDecimal("dividend_share"),
                rs.getBigDecimal("dividend_amount"), rs.getBigDecimal("total"));
        Array rules = rs.getArray("matched_rules");
        return new Payout(rs.getString("streamer_id"), rs.getString("tier"), rs.getLong("cooperation_months"), figures, split,
                rs.getLong("decision_evaluation_id"), rs.getString("decision_version"), Arrays.asList((String[]) rules.getArray()));
    }
}
