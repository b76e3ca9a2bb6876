package com.livegov.governance.history;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        record(processId, processInstanceId, eventType, nodeId, nodeName, nodeInstanceId, actor, null);
    }

    /** A step done by a substitute on behalf of an absent user: {@code detail.onBehalfOf} names the absent user. */
    void record(String processId, String processInstanceId, String eventType, String nodeId, String nodeName,
            String nodeInstanceId, String actor, String onBehalfOf) {
        jdbc.update("""
                insert into governance.process_events
                    (process_id, process_instance_id, event_type, node_id, node_name, node_instance_id, actor, detail)
                values (?, ?, ?, ?, ?, ?, ?, case when ?::text is null then null else jsonb_build_object('onBehalfOf', ?::text) end)""",
                processId, processInstanceId, eventType, nodeId, nodeName, nodeInstanceId, actor, onBehalfOf, onBehalfOf);
    }

    /** Notes which streamer a process instance is about (once; later calls change nothing). */
    void recordSubject(String processId, String processInstanceId, String streamerId) {
        jdbc.update("""
                insert into governance.process_subjects (process_instance_id, process_id, streamer_id) values (?, ?, ?)
                on conflict (process_instance_id) do nothing""", processInstanceId, processId, streamerId);
    }

    /** Every recorded event of every process instance about the streamer, in order. */
    public List<ProcessEvent> ofStreamer(String streamerId) {
        return jdbc.query("""
                select e.occurred_at, e.process_id, e.process_instance_id, e.event_type, e.node_id, e.node_name, e.actor
                from governance.process_events e
                join governance.process_subjects s on s.process_instance_id = e.process_instance_id
                where s.streamer_id = ? order by e.id""",
                (rs, row) -> new ProcessEvent(rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("process_id"), rs.getString("process_instance_id"), rs.getString("event_type"),
                        rs.getString("node_id"), rs.getString("node_name"), rs.getString("actor")),
                streamerId);
    }

    /** The streamer each of these process instances is about, where known. */
    public Map<String, String> streamersOf(Collection<String> processInstanceIds) {
        Map<String, String> streamers = new HashMap<>();
        if (!processInstanceIds.isEmpty()) {
            jdbc.query("select process_instance_id, streamer_id from governance.process_subjects where process_instance_id = any(?)",
                    rs -> {
                        streamers.put(rs.getString(1), rs.getString(2));
                    }, (Object) processInstanceIds.toArray(String[]::new));
        }
        return streamers;
    }

    /** The streamer a process about an account is about: the account's authorized streamer, if any. */
    Optional<String> streamerOfAccount(String accountId) {
        return jdbc.queryForList("select authorized_streamer from governance.accounts where id = ? and authorized_streamer is not null",
                String.class, accountId).stream().findFirst();
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
