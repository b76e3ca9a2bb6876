package com.livegov.governance.imports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a checked import in the caller's transaction: new streamers (ACTIVE), changed streamer fields and backups,
 * new sub-accounts with the streamer's grant, new fan counts; and one audit entry per streamer created or updated
 * (with what changed) besides the entry of the file. Existing accounts are otherwise left as they are.
 *
 * <p>Streamers and backups are registered as {@link StreamerRegistry} registers them. Sub-accounts are not opened
 * through {@code AccountActions}: an import records accounts that already exist on the platform. An
 * {@code OPEN_SUB_ACCOUNT} would create a new one there, give it only {@code STREAMER_BASIC} and issue a new stream
 * key. The import is its own recorded path instead, and it never changes what an account action governs on an
 * existing account (handle, permissions, state): the checks refuse such a file.
 */
@Repository
class ImportLedger {

    private final JdbcTemplate jdbc;
    private final StreamerRegistry registry;
    private final AuditTrail audit;

    ImportLedger(JdbcTemplate jdbc, StreamerRegistry registry, AuditTrail audit) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
    }

    ImportResult apply(List<Imported.Streamer> streamers, RecordsOnFile records, String actor, String fileSha256, String format) {
        OffsetDateTime now = OffsetDateTime.now();
        List<ImportResult.StreamerOutcome> outcomes = new ArrayList<>();
        int[] streamerCounts = new int[3];
        int[] accountCounts = new int[3];
        for (Imported.Streamer streamer : streamers) {
            RecordsOnFile.Streamer onRecord = records.streamer(streamer.id()).orElse(null);
            if (onRecord == null) {
                registry.register(new StreamerRegistry.Streamer(streamer.id(), streamer.displayName(), streamer.tier(), "ACTIVE",
                        streamer.category(), streamer.startedOn(), streamer.opsManager()));
            } else if (StreamerChanges.of(onRecord, streamer).keySet().stream().anyMatch(field -> !field.equals(ImportColumns.BACKUPS))) {
                jdbc.update("""
                        update governance.streamers set display_name = ?, tier = ?, category = ?, started_on = ?, ops_manager = ?
                        where id = ?""", streamer.displayName(), streamer.tier(), streamer.category(), streamer.startedOn(),
                        streamer.opsManager(), streamer.id());
            }
        }
        for (Imported.Streamer streamer : streamers) {
            RecordsOnFile.Streamer onRecord = records.streamer(streamer.id()).orElse(null);
            Map<String, Map<String, Object>> changes = onRecord == null ? Map.of() : StreamerChanges.of(onRecord, streamer);
            if (onRecord == null || changes.containsKey(ImportColumns.BACKUPS)) {
                replaceBackups(streamer, actor);
            }
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            for (Imported.Account account : streamer.accounts()) {
                RecordsOnFile.Account accountOnRecord = records.account(account.id()).orElse(null);
                if (accountOnRecord == null) {
                    openSubAccount(streamer.id(), account, now);
                    created.add(account.id());
                } else if (StreamerChanges.fansDiffer(accountOnRecord, account)) {
                    jdbc.update("update governance.accounts set fans = ? where id = ?", account.fans(), account.id());
                    updated.add(account.id());
                }
            }
            count(accountCounts, created.size(), updated.size(), streamer.accounts().size() - created.size() - updated.size());
            String outcome = onRecord == null ? "CREATED" : !changes.isEmpty() || !created.isEmpty() || !updated.isEmpty() ? "UPDATED" : null;
            count(streamerCounts, onRecord == null ? 1 : 0, "UPDATED".equals(outcome) ? 1 : 0, outcome == null ? 1 : 0);
            if (outcome != null) {
                ImportResult.StreamerOutcome done = new ImportResult.StreamerOutcome(streamer.id(), outcome, changes, created, updated);
                outcomes.add(done);
                audit.record(AuditEntry.of(AuditAction.DATA_IMPORTED, actor, AuditTarget.streamer(streamer.id()),
                        "streamer " + outcome.toLowerCase() + " by an import").aboutStreamer(streamer.id())
                        .withDetails(details(fileSha256, done)));
            }
        }
        ImportResult result = new ImportResult(fileSha256, format, !outcomes.isEmpty(), counts(streamerCounts), counts(accountCounts), outcomes);
        audit.record(AuditEntry.of(AuditAction.DATA_IMPORTED, actor, new AuditTarget("FILE", fileSha256), "streamers imported")
                .withDetails(Map.of("kind", "streamers", "format", format, "fileSha256", fileSha256, "changed", result.changed(),
                        "streamers", result.streamers(), "subAccounts", result.subAccounts())));
        return result;
    }

    private void replaceBackups(Imported.Streamer streamer, String actor) {
        jdbc.update("delete from governance.streamer_backups where streamer_id = ?", streamer.id());
        for (int rank = 1; rank <= streamer.backups().size(); rank++) {
            registry.assignBackup(streamer.id(), streamer.backups().get(rank - 1), rank, actor);
        }
    }

    /** The account as it exists on the platform, and the streamer's grant on it; no stream key is known yet. */
    private void openSubAccount(String streamerId, Imported.Account account, OffsetDateTime now) {
        jdbc.update("""
                insert into governance.accounts (id, kind, platform_handle, authorized_streamer, status, fans)
                values (?, 'SUB_ACCOUNT', ?, ?, 'ACTIVE', ?)""", account.id(), account.handle(), streamerId, account.fans());
        jdbc.update("""
                insert into governance.permission_grants (account_id, streamer_id, level, data_export, granted_at)
                values (?, ?, ?, ?, ?)""", account.id(), streamerId, account.level(), account.dataExport(), now);
    }

    private static Map<String, Object> details(String fileSha256, ImportResult.StreamerOutcome outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileSha256", fileSha256);
        details.put("outcome", outcome.outcome());
        details.put("fields", outcome.fields());
        details.put("subAccountsCreated", outcome.subAccountsCreated());
        details.put("subAccountsUpdated", outcome.subAccountsUpdated());
        return details;
    }

    private static void count(int[] counts, int created, int updated, int unchanged) {
        counts[0] += created;
        counts[1] += updated;
        counts[2] += unchanged;
    }

    private static ImportResult.Counts counts(int[] counts) {
        return new ImportResult.Counts(counts[0], counts[1], counts[2]);
    }
}
