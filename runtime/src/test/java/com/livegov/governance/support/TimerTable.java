package com.livegov.governance.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Reads the durable timers of a test database directly, also while no application instance runs.
 */
public final class TimerTable {

    private final JdbcTemplate jdbc;

    public TimerTable(String jdbcUrl) {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", "postgres"));
    }

    /** When the pending timers of a process instance are due, earliest first. */
    public List<Instant> pendingFor(String processInstanceId) {
        return jdbc.query("""
                select execution_time from governance.scheduled_tasks
                where convert_from(task_data, 'UTF8')::jsonb ->> 'processInstanceId' = ?
                order by execution_time""",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant(), processInstanceId);
    }

    /** How often a BPMN element of a process instance was left, per the process history. */
    public int timesLeft(String processInstanceId, String nodeId) {
        Integer count = jdbc.queryForObject("""
                select count(*) from governance.process_events
                where process_instance_id = ? and node_id = ? and event_type = 'NODE_LEFT'""",
                Integer.class, processInstanceId, nodeId);
        return count == null ? 0 : count;
    }

    /** How many events of that type (NODE_ENTERED, NODE_LEFT) the history has of the element in the process instance. */
    public int nodeEvents(String processInstanceId, String nodeId, String eventType) {
        Integer count = jdbc.queryForObject("""
                select count(*) from governance.process_events
                where process_instance_id = ? and node_id = ? and event_type = ?""",
                Integer.class, processInstanceId, nodeId, eventType);
        return count == null ? 0 : count;
    }
}
