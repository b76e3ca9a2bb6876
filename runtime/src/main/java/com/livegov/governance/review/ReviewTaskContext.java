package com.livegov.governance.review;

import java.util.List;
import java.util.Set;

import com.livegov.governance.taskcontext.Subjects;
import com.livegov.governance.taskcontext.TaskContextSource;
import com.livegov.governance.taskcontext.TaskDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The context of an ops-manager's permission-review task: the quarter and each deviation of their streamers to
 * answer, numbered as the answer names them, with the baseline it was compared with and its decision version.
 */
@Component
class ReviewTaskContext implements TaskContextSource {

    private final JdbcTemplate jdbc;

    ReviewTaskContext(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> processIds() {
        return Set.of(PermissionReview.PROCESS_ID);
    }

    @Override
    public TaskDetails details(TaskFacts task) {
        String opsManager = task.text("opsManager") != null ? task.text("opsManager") : task.owner();
        List<String> quarter = jdbc.queryForList("select quarter from governance.permission_reviews where process_instance_id = ?",
                String.class, task.processInstanceId());
        if (quarter.isEmpty()) {
            return new TaskDetails.None();
        }
        List<TaskDetails.Deviation> deviations = jdbc.query("""
                select number, streamer_id, tier, account_id, account_kind, account_status, level, data_export, expected_level,
                       data_export_allowed, kinds, decision_version, answer
                from governance.permission_review_deviations where review_id = ? and ops_manager = ? order by number""",
                (rs, row) -> new TaskDetails.Deviation(rs.getInt("number"), rs.getString("streamer_id"), rs.getString("tier"),
                        rs.getString("account_id"), rs.getString("account_kind"), rs.getString("account_status"), rs.getString("level"),
                        rs.getBoolean("data_export"), rs.getString("expected_level"), rs.getBoolean("data_export_allowed"),
                        Subjects.strings(rs.getArray("kinds")), rs.getString("decision_version"), rs.getString("answer")),
                task.processInstanceId(), opsManager);
        return new TaskDetails.PermissionReview(quarter.get(0), opsManager, deviations);
    }
}
