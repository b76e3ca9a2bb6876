package com.livegov.governance.settlement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

import com.livegov.governance.taskcontext.Subjects;
import com.livegov.governance.taskcontext.TaskContextSource;
import com.livegov.governance.taskcontext.TaskDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The context of the settlement's tasks: the month's totals (streamers paid, total, largest payout), whether the
 * director must approve after HR (the PayoutApproval evaluation) and HR's review once done.
 */
@Component
class SettlementTaskContext implements TaskContextSource {

    private final JdbcTemplate jdbc;
    private final Subjects subjects;

    SettlementTaskContext(JdbcTemplate jdbc, Subjects subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
    }

    @Override
    public Set<String> processIds() {
        return Set.of(CommissionSettlement.PROCESS_ID);
    }

    @Override
    public TaskDetails details(TaskFacts task) {
        return jdbc.query("""
                select month, status, payout_count, total, largest_payout, director_approval_required, director_approval_reason,
                       approval_evaluation_id, hr_reviewed_by, hr_reviewed_at, hr_approved, hr_comment
                from governance.commission_settlements where process_instance_id = ?""",
                (rs, row) -> {
                    TaskDetails.Review hrReview = rs.getString("hr_reviewed_by") == null ? null
                            : new TaskDetails.Review(rs.getBoolean("hr_approved") ? "APPROVED" : "REJECTED", rs.getString("hr_reviewed_by"),
                                    instant(rs.getObject("hr_reviewed_at", OffsetDateTime.class)), rs.getString("hr_comment"));
                    return (TaskDetails) new TaskDetails.Settlement(rs.getString("month"), rs.getString("status"),
                            rs.getObject("payout_count", Integer.class), rs.getBigDecimal("total"), rs.getBigDecimal("largest_payout"),
                            rs.getObject("director_approval_required", Boolean.class), rs.getString("director_approval_reason"),
                            subjects.evaluation(rs.getObject("approval_evaluation_id", Long.class)).orElse(null), hrReview);
                }, task.processInstanceId()).stream().findFirst().orElseGet(TaskDetails.None::new);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
