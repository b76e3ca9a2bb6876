package com.livegov.governance.performance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.livegov.governance.decisions.DecisionOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the record of the assessments as their processes go: the month's run, each streamer's scored month, the
 * ops-manager's review, the improvement case and HR's choice. Each change checks the status it expects, so a step that
 * runs out of turn fails instead of rewriting the record.
 */
@Repository
class PerformanceLedger {

    /** What the PerformanceScore decision answered for one streamer's month. */
    record Scored(BigDecimal individualScore, BigDecimal combinedScore, boolean targetMet, String grade) {
    }

    private final JdbcTemplate jdbc;

    PerformanceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the month for this run; a month is assessed once (409 for a second run). */
    void claim(AssessedMonth month, String startedBy, int streamers) {
        int claimed = jdbc.update("""
                insert into governance.performance_runs (month, started_by, started_at, streamers) values (?, ?, ?, ?)
                on conflict do nothing""", month.toString(), startedBy, OffsetDateTime.now(), streamers);
        if (claimed == 0) {
            String by = jdbc.queryForObject("select started_by from governance.performance_runs where month = ?", String.class, month.toString());
            throw new PerformanceConflict(month + " is assessed already (started by " + by + ")");
        }
    }

    /**
     * The weak months in a row that this month ends: none when it is met; else one more than the month before when
     * that month was assessed, missed, and did not itself complete a run that opened an improvement case.
     */
    int weakMonths(String streamerId, AssessedMonth month, boolean targetMet) {
        if (targetMet) {
            return 0;
        }
        List<Integer> before = jdbc.queryForList("""
                select weak_months from governance.performance_assessments
                where streamer_id = ? and month = ? and not target_met""", Integer.class, streamerId, month.before().toString());
        int previous = before.isEmpty() ? 0 : before.get(0);
        return (previous >= PerformanceAssessment.WEAK_MONTHS_FOR_IMPROVEMENT ? 0 : previous) + 1;
    }

    void saveAssessment(String assessmentId, AssessedMonth month, String streamerId, String opsManager, IndicatorScores scores,
            Scored scored, int weakMonths, DecisionOutcome outcome) {
        jdbc.update("""
                insert into governance.performance_assessments
                    (process_instance_id, month, streamer_id, ops_manager, status, traffic_score, conversion_score, retention_score,
                     service_score, new_product_conversion_score, team_score, target, individual_score, combined_score, target_met, grade,
                     weak_months, decision_evaluation_id, decision_version, decision_version_number, matched_rules, assessed_at)
                values (?, ?, ?, ?, 'IN_REVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                assessmentId, month.toString(), streamerId, opsManager, scores.trafficScore(), scores.conversionScore(),
                scores.retentionScore(), scores.serviceScore(), scores.newProductConversionScore(), scores.teamScore(), scores.target(),
                scored.individualScore(), scored.combinedScore(), scored.targetMet(), scored.grade(), weakMonths, outcome.evaluationId(),
                outcome.version(), outcome.versionNumber(), outcome.matchedRules().toArray(String[]::new), OffsetDateTime.now());
    }

    void recordReview(String assessmentId, String reviewer, String comment) {
        change(assessmentId, "IN_REVIEW", """
                update governance.performance_assessments
                set reviewed_by = ?, reviewed_at = ?, review_comment = ?, status = 'ASSESSED'
                where process_instance_id = ? and status = 'IN_REVIEW'""", reviewer, OffsetDateTime.now(), comment, assessmentId);
    }

    void openImprovementCase(String assessmentId) {
        change(assessmentId, "ASSESSED", """
                update governance.performance_assessments set status = 'IMPROVEMENT_CASE', improvement_opened_at = ?
                where process_instance_id = ? and status = 'ASSESSED'""", OffsetDateTime.now(), assessmentId);
    }

    void recordImprovementDecision(String assessmentId, String choice, String note, String decidedBy) {
        change(assessmentId, "IMPROVEMENT_CASE", """
                update governance.performance_assessments
                set improvement_choice = ?, improvement_note = ?, improvement_decided_by = ?, improvement_decided_at = ?
                where process_instance_id = ? and status = 'IMPROVEMENT_CASE' and improvement_choice is null""",
                choice, note, decidedBy, OffsetDateTime.now(), assessmentId);
    }

    void recordOffboarding(String assessmentId, String offboardingId) {
        change(assessmentId, "IMPROVEMENT_CASE", """
                update governance.performance_assessments set offboarding_id = ?
                where process_instance_id = ? and status = 'IMPROVEMENT_CASE'""", offboardingId, assessmentId);
    }

    void close(String assessmentId) {
        change(assessmentId, "IMPROVEMENT_CASE", """
                update governance.performance_assessments set status = 'CLOSED', closed_at = ?
                where process_instance_id = ? and status = 'IMPROVEMENT_CASE'""", OffsetDateTime.now(), assessmentId);
    }

    /** The streamer of an assessment. */
    String streamerOf(String assessmentId) {
        return jdbc.queryForObject("select streamer_id from governance.performance_assessments where process_instance_id = ?", String.class,
                assessmentId);
    }

    /** The offboarding under way or done of the streamer, if any. */
    String offboardingOf(String streamerId) {
        return jdbc.query("""
                select o.process_instance_id from governance.offboardings o join governance.streamers s on s.id = o.streamer_id
                where o.streamer_id = ? and s.status in ('OFFBOARDING', 'OFFBOARDED') order by o.started_at desc limit 1""",
                rs -> rs.next() ? rs.getString(1) : null, streamerId);
    }

    private void change(String assessmentId, String expectedStatus, String sql, Object... arguments) {
        if (jdbc.update(sql, arguments) != 1) {
            throw new IllegalStateException("Assessment " + assessmentId + " is not " + expectedStatus + " as this step expects");
        }
    }
}
