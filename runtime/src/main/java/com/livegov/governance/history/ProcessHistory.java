package com.livegov.governance.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.config.TransactionState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The process history table. Kogito deletes a process instance when it ends; this keeps every step.
 * Writes join the caller's transaction, so a step that rolls back leaves no history behind.
 *
 * <p>Within a transaction the steps are gathered and written together right before the commit, in the order they
 * happened, as one JDBC batch: an approval records 36 steps, and written one statement each they were a third of
 * the application's round trips to the database (measured with {@code strace} on its PostgreSQL connections).
 * Every query of this table in this application calls {@link #flush()} first, so it sees the steps of its own
 * transaction as before. Without a transaction a step is written at once.
 */
@Repository
public class ProcessHistory {

    private static final String INSERT_STEP = """
            insert into governance.process_events
                (process_id, process_instance_id, event_type, node_id, node_name, node_instance_id, actor, detail)
            values (?, ?, ?, ?, ?, ?, ?, case when ?::text is null then null else jsonb_build_object('onBehalfOf', ?::text) end)""";

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
        Object[] row = { processId, processInstanceId, eventType, nodeId, nodeName, nodeInstanceId, actor, onBehalfOf, onBehalfOf };
        Steps steps = TransactionState.current(this, Steps.class, Steps::new);
        if (steps == null || steps.written) {
            jdbc.update(INSERT_STEP, row);
        } else {
            steps.rows.add(row);
        }
    }

    /**
     * Writes the steps this transaction has recorded so far. Whoever reads this table calls it first, so that the
     * query sees its own transaction's steps.
     */
    public void flush() {
        Steps steps = TransactionState.current(this, Steps.class, null);
        if (steps != null) {
            steps.write();
        }
    }

    /** The steps a transaction has recorded and not yet written. */
    private final class Steps extends TransactionState {

        private final List<Object[]> rows = new ArrayList<>();

        /** Set once the transaction is committing: a step recorded after that is written at once. */
        private boolean written;

        Steps() {
            super(ProcessHistory.this);
        }

        void write() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(INSERT_STEP, rows);
                rows.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
            written = true;
        }
    }

    /** Notes which streamer a process instance is about (once; later calls change nothing). */
    void recordSubject(String processId, String processInstanceId, String streamerId) {
        jdbc.update("""
                insert into governance.process_subjects (process_instance_id, process_id, streamer_id) values (?, ?, ?)
                on conflict (process_instance_id) do nothing""", processInstanceId, processId, streamerId);
    }

    /** Every recorded event of every process instance about the streamer, in order. */
    public List<ProcessEvent> ofStreamer(String streamerId) {
        flush();
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
        flush();
        return jdbc.query("""
                select occurred_at, process_id, process_instance_id, event_type, node_id, node_name, actor
                from governance.process_events where process_instance_id = ? order by id""",
                (rs, row) -> new ProcessEvent(rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("process_id"), rs.getString("process_instance_id"), rs.getString("event_type"),
                        rs.getString("node_id"), rs.getString("node_name"), rs.getString("actor")),
                processInstanceId);
    }
}
