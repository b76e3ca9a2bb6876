package com.livegov.governance.violations;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

import com.livegov.governance.taskcontext.Subjects;
import com.livegov.governance.taskcontext.TaskContextSource;
import com.livegov.governance.taskcontext.TaskDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The context of the violation escalation's tasks: the case (kind, source, severity, measures, fine, evidence,
 * reporter, decision version) and the approvals it requested. Also names the case behind an account-action
 * approval, for the approval's own tasks.
 */
@Component
public class ViolationTaskContext implements TaskContextSource {

    private final ViolationRecords records;
    private final Subjects subjects;
    private final JdbcTemplate jdbc;

    ViolationTaskContext(ViolationRecords records, Subjects subjects, JdbcTemplate jdbc) {
        this.records = records;
        this.subjects = subjects;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> processIds() {
        return Set.of(ViolationEscalation.PROCESS_ID);
    }

    @Override
    public TaskDetails details(TaskFacts task) {
        return records.find(task.processInstanceId())
                .<TaskDetails>map(violation -> new TaskDetails.ViolationCase(view(violation),
                        subjects.streamer(violation.streamerId()).orElse(null),
                        violation.approvals().stream().map(ViolationTaskContext::view).toList()))
                .orElseGet(TaskDetails.None::new);
    }

    /** The violation case that requested this account-action approval, if one did. */
    public Optional<TaskDetails.Violation> caseRequesting(String approvalInstanceId) {
        return jdbc.queryForList("select violation_id from governance.violation_approvals where approval_instance_id = ?", String.class,
                approvalInstanceId).stream().findFirst().flatMap(records::find).map(ViolationTaskContext::view);
    }

    private static TaskDetails.Violation view(Violation v) {
        return new TaskDetails.Violation(v.violationId(), v.streamerId(), v.violationKind(), v.source(), v.sourceReference(),
                v.severity(), v.measures(), v.fine(), v.fineStatus(), v.evidence(), v.reportedBy(), instant(v.reportedAt()),
                v.priorViolations(), v.decisionVersion(), v.decisionEvaluationId(), v.outcome());
    }

    private static TaskDetails.CaseApproval view(ViolationApproval approval) {
        return new TaskDetails.CaseApproval(approval.approvalInstanceId(), approval.action(), approval.accountId(), approval.outcome(),
                instant(approval.requestedAt()));
    }

    private static java.time.Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

}
