package com.livegov.governance.history;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The process history table. Kogito deletes a process instance when it ends; this keeps every step.
 * Writes join the caller's transaction, so a step that rolls back leaves no history behind.
 */
@Repository
public class ProcessHistory {

    private final JdbcTemplate jdbc;

    ProcessHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String processId, String processInstanceId, String eventType, String nodeId, String nodeName,
            String nodeInstanceId, String actor) {
        jdbc.update("""
                insert into governance.process_events
                    (process_id, process_instance_id, event_type, node_id, node_name, node_instance_id, actor)
                values (?, ?, ?, ?, ?, ?, ?)""",
                processId, processInstanceId, eventType, nodeId, nodeName, nodeInstanceId, actor);
    }

    public List<ProcessEvent> ofProcessInstance(String processInstanceId) {
        return jdbc.query("""
                select occurred_at, process_id, process_instance_id, event_type, node_id, node_name, actor
                from governance.process_events where process_instance_id = ? order by id""",
                (rs, row) -> new ProcessEvent(rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("process_id"), rs.getString("process_instance_id"), rs.getString("event_type"),
                        rs.getString("node_id"), rs.getString("node_name"), rs.getString("actor")),
                processInstanceId);
    }
}
