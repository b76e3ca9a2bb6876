package com.livegov.governance.approval;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.livegov.governance.taskcontext.Subjects;
import com.livegov.governance.taskcontext.TaskContextSource;
import com.livegov.governance.taskcontext.TaskDetails;
import com.livegov.governance.violations.ViolationTaskContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The context of an approval level: the action and its parameters, the account and its streamer, the reason and
 * the evidence of the violation behind it, every earlier level (who, when, the answer, the comment: the
 * {@code TASK_COMPLETED} entries of the audit trail, or {@code TASK_CANCELLED} when a deadline escalated the
 * level), and the ApprovalChain evaluation that set the levels.
 */
@Component
class ApprovalTaskContext implements TaskContextSource {

    private static final String APPROVAL_CHAIN = "ApprovalChain";

    private final Subjects subjects;
    private final ViolationTaskContext violations;
    private final JdbcTemplate jdbc;

    ApprovalTaskContext(Subjects subjects, ViolationTaskContext violations, JdbcTemplate jdbc) {
        this.subjects = subjects;
        this.violations = violations;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> processIds() {
        return Set.of(AccountActionApproval.PROCESS_ID);
    }

    @Override
    public TaskDetails details(TaskFacts task) {
        Optional<TaskDetails.Account> account = subjects.account(task.text("subject"));
        TaskDetails.Streamer streamer = account.map(TaskDetails.Account::authorizedStreamer).flatMap(subjects::streamer).orElse(null);
        return new TaskDetails.Approval(task.text("action"), map(task.variables().get("parameters")), task.text("severity"),
                task.text("reason"), task.text("requestedBy"), account.orElse(null), streamer,
                violations.caseRequesting(task.processInstanceId()).orElse(null), earlierLevels(task),
                subjects.evaluationBy(task.processInstanceId(), APPROVAL_CHAIN).orElse(null), map(task.variables().get("route")));
    }

    private List<TaskDetails.Level> earlierLevels(TaskFacts task) {
        return jdbc.query("""
                select action, actor, recorded_at, details ->> 'element' as element, details ->> 'taskName' as task_name,
                       details -> 'outputs' ->> 'approved' as approved, details -> 'outputs' ->> 'comment' as comment
                from governance.audit_trail
                where process_instance_id = ? and target_kind = 'TASK' and target_id <> ?
                  and action in ('TASK_COMPLETED', 'TASK_CANCELLED')
                order by sequence""",
                (rs, row) -> {
                    boolean completed = "TASK_COMPLETED".equals(rs.getString("action"));
                    String outcome = !completed ? "TIMED_OUT" : "true".equals(rs.getString("approved")) ? "APPROVED" : "REJECTED";
                    return new TaskDetails.Level(rs.getString("element"), rs.getString("task_name"), outcome,
                            completed ? rs.getString("actor") : null, rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            completed ? rs.getString("comment") : null);
                }, task.processInstanceId(), task.taskId());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
