package com.livegov.governance.approval;

import java.util.Optional;

import com.livegov.governance.history.ProcessHistory;
import com.livegov.governance.inbox.TaskDuty;
import org.kie.kogito.usertask.UserTaskInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Separation of duties in the account-action approval: nobody approves their own request, nobody approves two
 * levels of the same request, and a streamer's own ops-manager does not approve cancelling that streamer's
 * account (they work with the streamer every day).
 *
 * <p>A level approved by a substitute counts for both: the substitute (the recorded actor) and the absent user on
 * whose behalf they approved ({@code detail.onBehalfOf}). The inbox asks these rules for both when a substitute acts.
 */
@Component
class ApprovalDuties implements TaskDuty {

    private final JdbcTemplate jdbc;
    private final ProcessHistory history;

    ApprovalDuties(JdbcTemplate jdbc, ProcessHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Override
    public Optional<String> refuse(UserTaskInstance task, String user) {
        if (user == null || !AccountActionApproval.PROCESS_ID.equals(task.getMetadata().get("ProcessId"))) {
            return Optional.empty();
        }
        if (user.equals(task.getInputs().get("requestedBy"))) {
            return Optional.of(user + " requested this action and cannot approve it");
        }
        history.flush();
        Integer earlierLevels = jdbc.queryForObject("""
                select count(*) from governance.process_events
                where process_instance_id = ? and event_type = 'TASK_COMPLETED' and (actor = ? or detail ->> 'onBehalfOf' = ?)
                  and node_instance_id <> ?""",
                Integer.class, task.getMetadata().get("ProcessInstanceId"), user, user, task.getId());
        if (earlierLevels != null && earlierLevels > 0) {
            return Optional.of(user + " already approved another level of this request");
        }
        if ("CANCEL_ACCOUNT".equals(task.getInputs().get("action"))) {
            Integer managed = jdbc.queryForObject("""
                    select count(*) from governance.accounts a join governance.streamers s on s.id = a.authorized_streamer
                    where a.id = ? and s.ops_manager = ?""", Integer.class, task.getInputs().get("subject"), user);
            if (managed != null && managed > 0) {
                return Optional.of(user + " is the ops-manager of this account's streamer and cannot approve cancelling it");
            }
        }
        return Optional.empty();
    }
}
