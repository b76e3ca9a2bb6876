package com.livegov.governance.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did: the file's SHA-256, how many streamers and sub-accounts it created, updated and found
 * unchanged, and each streamer it created or updated with what changed. Importing the same file again answers
 * {@code changed: false} with everything unchanged.
 */
public record ImportResult(String fileSha256, String format, boolean changed, Counts streamers, Counts subAccounts,
        List<StreamerOutcome> changes) {

    public ImportResult {
        changes = List.copyOf(changes);
    }

    /** How many were created, updated and left as they were. */
    public record Counts(int created, int updated, int unchanged) {
    }

    /**
     * A streamer the import created or updated.
     *
     * @param outcome {@code CREATED} or {@code UPDATED}
     * @param fields the fields changed, each with {@code from} and {@code to} (empty for a new streamer)
     * @param subAccountsCreated the sub-accounts opened for it
     * @param subAccountsUpdated the sub-accounts whose fans were updated
     */
    public record StreamerOutcome(String streamerId, String outcome, Map<String, Map<String, Object>> fields,
            List<String> subAccountsCreated, List<String> subAccountsUpdated) {
    }
}
