package com.livegov.governance.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entry as the audit trail holds it, with its place in the chain.
 *
 * @param sequence its number: 1, 2, 3, ... without gaps
 * @param recordedAt when it was appended (the database's clock, microseconds)
 * @param previousHash the hash of the entry before it (64 zeros for the first)
 * @param entryHash SHA-256 over the previous hash and this entry's canonical form
 */
public record RecordedEntry(long sequence, OffsetDateTime recordedAt, String actor, String action, String targetKind,
        String targetId, String reason, String processInstanceId, String streamerId, JsonNode details, String previousHash,
        String entryHash) {

    /** The canonical form this entry's hash is computed over. */
    String canonical() {
        return CanonicalForm.entry(sequence, recordedAt.toInstant(), actor, action, targetKind, targetId, reason, processInstanceId,
                streamerId, details);
    }
}
