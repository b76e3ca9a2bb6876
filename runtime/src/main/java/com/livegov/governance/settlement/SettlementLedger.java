package com.livegov.governance.settlement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.livegov.governance.decisions.DecisionOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the record of a settlement as its process goes: the claim of the month, every payout line, the
 * director-approval decision, HR's review, the director's decision and the approval. Each change checks the
 * status it expects, so a step that runs out of turn fails instead of rewriting the record.
 */
@Repository
class SettlementLedger {

    /** The totals of a settlement's payouts. */
    record Summary(int payoutCount, BigDecimal total, BigDecimal largestPayout) {
    }

    private final JdbcTemplate jdbc;

    SettlementLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the month for this settlement. Fails with {@link SettlementConflict} when another settlement of the
     * month is under way or approved; the unique index decides between two that claim at the same moment.
     */
    void claim(String settlementId, SettlementMonth month, String startedBy) {
        int claimed = jdbc.update("""
                insert into governance.commission_settlements (process_instance_id, month, status, started_by, started_at)
                values (?, ?, 'COMPUTING', ?, ?) on conflict do nothing""",
                settlementId, month.toString(), startedBy, OffsetDateTime.now());
        if (claimed == 0) {
            List<String> existing = jdbc.queryForList("""
                    select status || ' (started by ' || started_by || ', process instance ' || process_instance_id || ')'
                    from governance.commission_settlements
                    where month = ? and holds_month""", String.class, month.toString());
            throw new SettlementConflict(month + " is already being settled or settled: " + String.join(", ", existing));
        }
    }

    void savePayout(String settlementId, Payout payout) {
        MonthlyFigures figures = payout.figures();
        Payout.Split split = payout.split();
        jdbc.update("""
                insert into governance.commission_payouts
                    (settlement_id, streamer_id, tier, cooperation_months, sales, target, traffic_sales, profit_pool,
                     base_rate, base_amount, target_met, excess_rate, excess_amount, traffic_rate, traffic_amount,
                     dividend_eligible, dividend_share, dividend_amount, total, decision_evaluation_id, decision_version, matched_rules)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                settlementId, payout.streamerId(), payout.tier(), payout.cooperationMonths(), figures.sales(), figures.target(),
                figures.trafficSales(), figures.profitPool(), split.baseRate(), split.baseAmount(), split.targetMet(),
                split.excessRate(), split.excessAmount(), split.trafficRate(), split.trafficAmount(), split.dividendEligible(),
                split.dividendShare(), split.dividendAmount(), split.total(), payout.evaluationId(), payout.decisionVersion(),
                payout.matchedRules().toArray(String[]::new));
    }

    /** Adds up the payouts (exact decimal sums in the database) and keeps the totals on the settlement. */
    Summary summarize(String settlementId) {
        return jdbc.queryForObject("""
                update governance.commission_settlements s
                set payout_count = p.payouts, total = p.total, largest_payout = p.largest
                from (select count(*) as payouts, coalesce(sum(total), 0) as total, coalesce(max(total), 0) as largest
                      from governance.commission_payouts where settlement_id = ?) p
                where s.process_instance_id = ? and s.status = 'COMPUTING'
                returning s.payout_count, s.total, s.largest_payout""",
                (rs, row) -> new Summary(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), settlementId, settlementId);
    }

    Summary summary(String settlementId) {
        return jdbc.queryForObject("""
                select payout_count, total, largest_payout from governance.commission_settlements where process_instance_id = ?""",
                (rs, row) -> new Summary(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), settlementId);
    }

    /** Keeps the PayoutApproval evaluation that decided about the director, and hands the settlement to HR. */
    void recordApprovalDecision(String settlementId, DecisionOutcome outcome, boolean directorApprovalRequired, String reason) {
        change(settlementId, "COMPUTING", """
                update governance.commission_settlements
                set approval_evaluation_id = ?, approval_decision_version = ?, director_approval_required = ?,
                    director_approval_reason = ?, status = 'IN_HR_REVIEW'
                where process_instance_id = ? and status = 'COMPUTING'""",
                outcome.evaluationId(), outcome.version(), directorApprovalRequired, reason, settlementId);
    }

    void recordHrReview(String settlementId, boolean approved, String comment, String reviewer) {
        change(settlementId, "IN_HR_REVIEW", """
                update governance.commission_settlements
                set hr_reviewed_by = ?, hr_reviewed_at = ?, hr_approved = ?, hr_comment = ?,
                    status = case when not ? then 'REJECTED_BY_HR'
                                  when director_approval_required then 'AWAITING_DIRECTOR' else status end
                where process_instance_id = ? and status = 'IN_HR_REVIEW'""",
                reviewer, OffsetDateTime.now(), approved, comment, approved, settlementId);
    }

    void recordDirectorDecision(String settlementId, boolean approved, String comment, String director) {
        change(settlementId, "AWAITING_DIRECTOR", """
                update governance.commission_settlements
                set director_decided_by = ?, director_decided_at = ?, director_approved = ?, director_comment = ?,
                    status = case when ? then status else 'REJECTED_BY_DIRECTOR' end
                where process_instance_id = ? and status = 'AWAITING_DIRECTOR'""",
                director, OffsetDateTime.now(), approved, comment, approved, settlementId);
    }

    /** The payouts are approved: by HR alone, or by HR and the director. */
    void approve(String settlementId) {
        change(settlementId, "IN_HR_REVIEW or AWAITING_DIRECTOR", """
                update governance.commission_settlements set status = 'APPROVED', approved_at = ?
                where process_instance_id = ? and hr_approved
                  and (status = 'IN_HR_REVIEW' and not director_approval_required
                       or status = 'AWAITING_DIRECTOR' and director_approved)""",
                OffsetDateTime.now(), settlementId);
    }

    /** The settlement's process instance was aborted (deleted through Kogito's API): the month is free again. */
    void recordAborted(String settlementId) {
        jdbc.update("""
                update governance.commission_settlements set status = 'ABORTED'
                where process_instance_id = ? and status in ('COMPUTING', 'IN_HR_REVIEW', 'AWAITING_DIRECTOR')""", settlementId);
    }

    private void change(String settlementId, String expectedStatus, String sql, Object... arguments) {
        if (jdbc.update(sql, arguments) != 1) {
            throw new IllegalStateException("Settlement " + settlementId + " is not " + expectedStatus + " as this step expects");
        }
    }
}
