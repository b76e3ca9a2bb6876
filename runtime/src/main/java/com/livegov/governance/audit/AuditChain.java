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
 * The table {@code governance.audit_trail} and the head of its chain. Chaining locks the head row
 * ({@code FOR UPDATE}) in the caller's transaction: chaining from every thread and every replica is serialized.
 * An entry is either chained as it is written ({@link #append}, its time the database's clock when the lock is held)
 * or written waiting, with no place in the chain and no lock ({@link #appendWaiting}, its time the database's clock
 * at the insert), and chained later in the order written ({@link #sealWaiting}, and before any {@link #append}).
 * Either way the entry commits or rolls back with the caller's transaction. A waiting entry's time is that of its
 * change, so times along the chain may step back by the moments between an insert and its commit.
 */
@Repository
class AuditChain {

    /** The last entry of the chain (sequence 0 and 64 zeros while the chain is empty). */
    record Head(long sequence, String entryHash) {
    }

    /** The head as locked for an append, with the database's clock at that moment. */
    private record LockedHead(long sequence, String entryHash, Instant now) {

        Head head() {
            return new Head(sequence, entryHash);
        }
    }

    /** An entry waiting to be appended, its details already turned into JSON. */
    record Pending(AuditEntry entry, JsonNode details) {
    }

    private static final String COLUMNS = """
            sequence, recorded_at, actor, action, target_kind, target_id, reason, process_instance_id, streamer_id,
            details::text as details, previous_hash, entry_hash""";

    private static final String COLUMNS_WAITING = """
            recorded_at, actor, action, target_kind, target_id, reason, process_instance_id, streamer_id, details::text as details""";

    /** Reads numbers as exact decimals, whatever the application's JSON settings: the hashes depend on it. */
    private static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final JdbcTemplate jdbc;
    private final ProcessHistory history;

    AuditChain(JdbcTemplate jdbc, ProcessHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /**
     * Appends the entries in order, now; the caller's transaction must be open (or this runs as its own statement
     * set). The entries waiting for the chain are chained first, so the chain keeps the order of recording.
     */
    void append(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        LockedHead head = lockHeadWithClock();
        Instant at = CanonicalForm.micros(head.now());
        Link link = chainWaiting(new Link(head.sequence(), head.entryHash()), Integer.MAX_VALUE);
        Map<String, String> streamers = streamersOf(entries.stream().map(Pending::entry).filter(e -> e.streamerId() == null)
                .map(AuditEntry::processInstanceId));
        long sequence = link.sequence();
        String previous = link.hash();
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
        moveHead(new Link(sequence, previous));
    }

    /**
     * Writes the entries in the caller's transaction without chaining them: no lock is taken, the sealer gives them
     * their place in the chain later ({@link #sealWaiting}). Their time is the database's clock now.
     */
    void appendWaiting(List<Pending> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Pending pending : entries) {
            AuditEntry entry = pending.entry();
            rows.add(new Object[] { entry.actor(), entry.action().name(), entry.target() == null ? null : entry.target().kind(),
                    entry.target() == null ? null : entry.target().id(), entry.reason(), entry.processInstanceId(), entry.streamerId(),
                    CanonicalForm.json(pending.details()) });
        }
        jdbc.batchUpdate("""
                insert into governance.audit_trail (recorded_at, actor, action, target_kind, target_id, reason, process_instance_id,
                    streamer_id, details)
                values (clock_timestamp(), ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", rows);
    }

    /** Whether any committed entry waits for the chain: one look at a small partial index, no lock. */
    boolean anyWaiting() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from governance.audit_trail where sequence is null)", Boolean.class));
    }

    /** Locks the head and chains up to {@code max} waiting entries, oldest first; returns how many (the caller's transaction). */
    int sealWaiting(int max) {
        Head head = lockHeadWithClock().head();
        Link link = chainWaiting(new Link(head.sequence(), head.entryHash()), max);
        if (link.sequence() != head.sequence()) {
            moveHead(link);
        }
        return (int) (link.sequence() - head.sequence());
    }

    /** The end of the chain as it is being extended. */
    private record Link(long sequence, String hash) {
    }

    /** Chains up to {@code max} waiting entries after {@code link}, in the order they were written; the head must be locked. */
    private Link chainWaiting(Link link, int max) {
        List<Waiting> waiting = jdbc.query("select id, " + COLUMNS_WAITING + " from governance.audit_trail where sequence is null order by id limit ?",
                (rs, row) -> new Waiting(rs.getLong("id"), entry(rs, 0, null, null)), max);
        if (waiting.isEmpty()) {
            return link;
        }
        Map<String, String> streamers = streamersOf(waiting.stream().map(Waiting::entry).filter(e -> e.streamerId() == null)
                .map(RecordedEntry::processInstanceId));
        long sequence = link.sequence();
        String previous = link.hash();
        List<Object[]> rows = new ArrayList<>(waiting.size());
        for (Waiting one : waiting) {
            RecordedEntry entry = one.entry();
            sequence++;
            String streamer = entry.streamerId() != null ? entry.streamerId() : streamers.get(entry.processInstanceId());
            RecordedEntry chained = new RecordedEntry(sequence, entry.recordedAt(), entry.actor(), entry.action(), entry.targetKind(),
                    entry.targetId(), entry.reason(), entry.processInstanceId(), streamer, entry.details(), previous, null);
            String hash = CanonicalForm.hash(previous, chained.canonical());
            rows.add(new Object[] { sequence, previous, hash, streamer, one.id() });
            previous = hash;
        }
        jdbc.batchUpdate("update governance.audit_trail set sequence = ?, previous_hash = ?, entry_hash = ?, streamer_id = ? where id = ?", rows);
        return new Link(sequence, previous);
    }

    private record Waiting(long id, RecordedEntry entry) {
    }

    private LockedHead lockHeadWithClock() {
        return jdbc.queryForObject(
                "select sequence, entry_hash, clock_timestamp() from governance.audit_chain_head where id = 1 for update",
                (rs, row) -> new LockedHead(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
    }

    private void moveHead(Link link) {
        jdbc.update("update governance.audit_chain_head set sequence = ?, entry_hash = ? where id = 1", link.sequence(), link.hash());
    }

    /** The streamers of these process instances (nulls and repeats ignored). */
    private Map<String, String> streamersOf(java.util.stream.Stream<String> processInstanceIds) {
        return history.streamersOf(processInstanceIds.filter(java.util.Objects::nonNull).distinct().toList());
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
        return jdbc.query("select " + COLUMNS + " from governance.audit_trail where streamer_id = ? and sequence is not null order by sequence",
                (rs, row) -> entry(rs), streamerId);
    }

    private static RecordedEntry entry(ResultSet rs) throws SQLException {
        return entry(rs, rs.getLong("sequence"), rs.getString("previous_hash"), rs.getString("entry_hash"));
    }

    private static RecordedEntry entry(ResultSet rs, long sequence, String previousHash, String entryHash) throws SQLException {
        return new RecordedEntry(sequence, rs.getObject("recorded_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_kind"), rs.getString("target_id"),
                rs.getString("reason"), rs.getString("process_instance_id"), rs.getString("streamer_id"), json(rs.getString("details")),
                previousHash, entryHash);
    }

    private static JsonNode json(String text) {
        try {
            return EXACT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit entry's details are not JSON", e);
        }
    }
}
