package com.livegov.governance.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.livegov.governance.history.ProcessHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code governance.audit_trail} and the head of its chain. Appending locks the head row
 * ({@code FOR UPDATE}) in the caller's transaction: appends from every thread and every replica are
 * serialized, and the entries commit or roll back with that transaction. The time of an entry is the
 * database's clock when the lock is held, so times never go backwards along the chain.
 */
@Repository
class AuditChain {

    /** The last entry of the chain (sequence 0 and 64 zeros while the chain is empty). */
    record Head(long sequence, String entryHash) {
    }

    /** The head as locked for an append, with the database's clock at that moment. */
    private record LockedHead(long sequence, String entryHash, Instant now) {
    }

    /** An entry waiting to be appended, its details already turned into JSON. */
    record Pending(AuditEntry entry, JsonNode details) {
    }

    private static final String COLUMNS = """
            sequence, recorded_at, actor, action, target_kind, target_id, reason, process_instance_id, streamer_id,
            details::text as details, previous_hash, entry_hash""";

    /** Reads numbers as exact decimals, whatever the application's JSON settings: the hashes depend on it. */
    private static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcTemplate jdbc;
    private final ProcessHistory history;

    AuditChain(JdbcTemplate jdbc, ProcessHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Appends the entries in order; the caller's transaction must be open (or this runs as its own statement set). */
    void append(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, String> streamers = history.streamersOf(entries.stream()
                .filter(p -> p.entry().streamerId() == null && p.entry().processInstanceId() != null)
                .map(p -> p.entry().processInstanceId()).distinct().toList());
        LockedHead head = jdbc.queryForObject(
                "select sequence, entry_hash, clock_timestamp() from governance.audit_chain_head where id = 1 for update",
                (rs, row) -> new LockedHead(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
        long sequence = head.sequence();
        String previous = head.entryHash();
        Instant at = CanonicalForm.micros(head.now());
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Pending pending : entries) {
            AuditEntry entry = pending.entry();
            sequence++;
            String streamer = entry.streamerId() != null ? entry.streamerId() : streamers.get(entry.processInstanceId());
            String targetKind = entry.target() == null ? null : entry.target().kind();
            String targetId = entry.target() == null ? null : entry.target().id();
            String canonical = CanonicalForm.entry(sequence, at, entry.actor(), entry.action().name(), targetKind, targetId,
                    entry.reason(), entry.processInstanceId(), streamer, pending.details());
            String hash = CanonicalForm.hash(previous, canonical);
            rows.add(new Object[] { sequence, at.atOffset(ZoneOffset.UTC), entry.actor(), entry.action().name(), targetKind, targetId,
                    entry.reason(), entry.processInstanceId(), streamer, CanonicalForm.json(pending.details()), previous, hash });
            previous = hash;
        }
        jdbc.batchUpdate("""
                insert into governance.audit_trail (sequence, recorded_at, actor, action, target_kind, target_id, reason,
                    process_instance_id, streamer_id, details, previous_hash, entry_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""", rows);
        jdbc.update("update governance.audit_chain_head set sequence = ?, entry_hash = ? where id = 1", sequence, previous);
    }

    /** Locks the head of the chain for the caller's transaction: appends by others wait until it ends. */
    void lockHead() {
        jdbc.queryForObject("select sequence from governance.audit_chain_head where id = 1 for update", Long.class);
    }

    Head head() {
        return jdbc.queryForObject("select sequence, entry_hash from governance.audit_chain_head where id = 1",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /** Up to {@code size} entries after {@code afterSequence} and at most {@code upTo}, in order. */
    List<RecordedEntry> page(long afterSequence, long upTo, int size) {
        return jdbc.query("select " + COLUMNS + " from governance.audit_trail where sequence > ? and sequence <= ? order by sequence limit ?",
                (rs, row) -> entry(rs), afterSequence, upTo, size);
    }

    /** The sequence of the entry with this hash, if any. */
    Optional<Long> sequenceOf(String entryHash) {
        return jdbc.queryForList("select sequence from governance.audit_trail where entry_hash = ?", Long.class, entryHash)
                .stream().findFirst();
    }

    /** Entries in order, optionally of one streamer and/or one process instance. */
    List<RecordedEntry> find(String streamerId, String processInstanceId, long afterSequence, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from governance.audit_trail where sequence > ?");
        List<Object> arguments = new ArrayList<>(List.of(afterSequence));
        if (streamerId != null) {
            sql.append(" and streamer_id = ?");
            arguments.add(streamerId);
        }
        if (processInstanceId != null) {
            sql.append(" and process_instance_id = ?");
            arguments.add(processInstanceId);
        }
        sql.append(" order by sequence limit ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (rs, row) -> entry(rs), arguments.toArray());
    }

    /** Every entry about the streamer, in order. */
    List<RecordedEntry> ofStreamer(String streamerId) {
        return jdbc.query("select " + COLUMNS + " from governance.audit_trail where streamer_id = ? order by sequence",
                (rs, row) -> entry(rs), streamerId);
    }

    private static RecordedEntry entry(ResultSet rs) throws SQLException {
        return new RecordedEntry(rs.getLong("sequence"), rs.getObject("recorded_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_kind"), rs.getString("target_id"),
                rs.getString("reason"), rs.getString("process_instance_id"), rs.getString("streamer_id"), json(rs.getString("details")),
                rs.getString("previous_hash"), rs.getString("entry_hash"));
    }

    private static JsonNode json(String text) {
        try {
            return EXACT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit entry's details are not JSON", e);
        }
    }
}
