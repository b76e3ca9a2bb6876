package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.livegov.governance.approval.AccountActionApproval;

/**
 * What the database holds of the account-action approvals, read with SQL: Kogito's process instances, the
 * history, the audit trail and the inbox's task index; and the checks that none of it is half-written.
 */
final class ApprovalRecords {

    static final String LEVEL2_TASK = "Level2Approval";

    private final Connection db;

    ApprovalRecords(Connection db) {
        this.db = db;
    }

    /** How often the start of the instance is in the audit trail and in the history. */
    List<Integer> startsRecorded(String processInstanceId) throws SQLException {
        return List.of(
                count("select count(*) from governance.audit_trail where action = 'PROCESS_STARTED' and process_instance_id = ?", processInstanceId),
                count("select count(*) from governance.process_events where event_type = 'PROCESS_STARTED' and process_instance_id = ?", processInstanceId));
    }

    /** Whether the instance ended, once, at {@code End_RejectedAtLevel1}, in the history and the audit trail. */
    boolean endedRejectedAtLevel1(String processInstanceId) throws SQLException {
        return count("select count(*) from governance.process_events where event_type = 'PROCESS_COMPLETED' and process_instance_id = ?",
                processInstanceId) == 1
                && count("select count(*) from governance.process_events where node_id = 'End_RejectedAtLevel1' and event_type = 'NODE_ENTERED' and process_instance_id = ?",
                        processInstanceId) == 1
                && count("select count(*) from governance.audit_trail where action = 'PROCESS_ENDED' and process_instance_id = ?", processInstanceId) == 1;
    }

    /** How many of the instance's tasks were completed, by the audit trail. */
    int completedTasks(String processInstanceId) throws SQLException {
        return count("select count(*) from governance.audit_trail where action = 'TASK_COMPLETED' and process_instance_id = ?", processInstanceId);
    }

    /**
     * Across the database: every approval instance Kogito holds has exactly its one open task (and each open task
     * its instance), its start recorded and its task's creation audited; every audited start is held or ended;
     * the inbox's index of open tasks is the open tasks.
     *
     * @param openTaskOf the open task's name of every instance that has one, as the task API lists them
     * @param openTasks the ids of the open tasks, as the task API lists them
     */
    void assertNothingHalfWritten(Map<String, String> openTaskOf, Set<String> openTasks) throws SQLException {
        Set<String> held = strings("select trim(id) from public.process_instances where process_id = ?", AccountActionApproval.PROCESS_ID);
        assertThat(openTaskOf.keySet()).as("instances with an open task = instances held: none without its task, no task without its instance")
                .isEqualTo(held);
        assertThat(strings("""
                select process_instance_id from governance.audit_trail
                where action = 'PROCESS_STARTED' and details ->> 'processId' = ?
                except select process_instance_id from governance.audit_trail where action = 'PROCESS_ENDED'""",
                AccountActionApproval.PROCESS_ID))
                .as("audited starts that have not ended are held").isEqualTo(held);
        assertThat(strings("""
                select process_instance_id from governance.process_events
                where event_type = 'PROCESS_STARTED' and process_id = ?
                except select process_instance_id from governance.process_events where event_type = 'PROCESS_COMPLETED'""",
                AccountActionApproval.PROCESS_ID))
                .as("started instances in the history that have not ended are held").isEqualTo(held);
        for (String task : openTasks) {
            assertThat(count("select count(*) from governance.audit_trail where action = 'TASK_CREATED' and target_id = ?", task))
                    .as("the creation of open task %s in the audit trail", task).isEqualTo(1);
        }
        assertThat(strings("select task_id from governance.task_index where ended_at is null and process_id = ?", AccountActionApproval.PROCESS_ID))
                .as("the inbox's index of open tasks").isEqualTo(openTasks);
    }

    private int count(String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private Set<String> strings(String sql, String parameter) throws SQLException {
        List<String> all = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(rows.getString(1));
                }
            }
        }
        return new HashSet<>(all);
    }
}
