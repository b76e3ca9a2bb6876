package com.livegov.governance.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the file against itself and against the records: no streamer, account or handle twice; the
 * ops-manager is a user of group ops-manager; the backups are streamers of the file or active streamers on record;
 * an account on record is the same streamer's sub-account with the same handle and grant (an import never changes
 * an existing account's handle or permissions: that is an account action, with its approval); a streamer on record
 * that is not active is not changed.
 */
final class RecordChecks {

    private final RecordsOnFile records;
    private final Set<String> streamersInFile;
    private final List<Refusal> refusals;
    private final Map<String, Integer> streamerRows = new HashMap<>();
    private final Map<String, Integer> accountRows = new HashMap<>();
    private final Map<String, Integer> handleRows = new HashMap<>();

    RecordChecks(RecordsOnFile records, Set<String> streamersInFile, List<Refusal> refusals) {
        this.records = records;
        this.streamersInFile = streamersInFile;
        this.refusals = refusals;
    }

    void check(Imported.Streamer streamer) {
        Submitted fields = streamer.source();
        once(streamerRows, streamer.id(), fields, ImportColumns.STREAMER_ID);
        if (!records.isOpsManager(streamer.opsManager())) {
            refusals.add(fields.refusal(ImportColumns.OPS_MANAGER, "UNKNOWN_OPS_MANAGER", streamer.opsManager()));
        }
        for (String backup : streamer.backups()) {
            if (!streamersInFile.contains(backup)) {
                records.streamer(backup).ifPresentOrElse(onRecord -> {
                    if (!"ACTIVE".equals(onRecord.status())) {
                        refusals.add(fields.refusal(ImportColumns.BACKUPS, "INACTIVE_BACKUP", backup, onRecord.status()));
                    }
                }, () -> refusals.add(fields.refusal(ImportColumns.BACKUPS, "UNKNOWN_BACKUP", backup)));
            }
        }
        boolean accountsChange = false;
        for (Imported.Account account : streamer.accounts()) {
            accountsChange |= check(streamer, account);
        }
        boolean changes = accountsChange;
        records.streamer(streamer.id()).ifPresent(onRecord -> {
            if (!"ACTIVE".equals(onRecord.status()) && (changes || !StreamerChanges.of(onRecord, streamer).isEmpty())) {
                refusals.add(fields.refusal(ImportColumns.STREAMER_ID, "STREAMER_NOT_ACTIVE", streamer.id(), onRecord.status()));
            }
        });
    }

    /** Checks the account; whether importing it changes something (a new account, other fans). */
    private boolean check(Imported.Streamer streamer, Imported.Account account) {
        Submitted fields = account.source();
        once(accountRows, account.id(), fields, ImportColumns.ACCOUNT_ID);
        once(handleRows, account.handle(), fields, ImportColumns.HANDLE);
        records.accountWithHandle(account.handle()).filter(holder -> !holder.equals(account.id()))
                .ifPresent(holder -> refusals.add(fields.refusal(ImportColumns.HANDLE, "HANDLE_IN_USE", account.handle(), holder)));
        RecordsOnFile.Account onRecord = records.account(account.id()).orElse(null);
        if (onRecord == null) {
            return true;
        }
        if (!"SUB_ACCOUNT".equals(onRecord.kind())) {
            refusals.add(fields.refusal(ImportColumns.ACCOUNT_ID, "MAIN_ACCOUNT", account.id()));
        } else if (!streamer.id().equals(onRecord.authorizedStreamer())) {
            refusals.add(fields.refusal(ImportColumns.ACCOUNT_ID, "ACCOUNT_OF_ANOTHER_STREAMER", account.id(), onRecord.authorizedStreamer()));
        } else {
            differs(fields, ImportColumns.HANDLE, onRecord.handle(), account.handle());
            differs(fields, ImportColumns.PERMISSION_LEVEL, onRecord.level(), account.level());
            differs(fields, ImportColumns.DATA_EXPORT, onRecord.dataExport(), account.dataExport());
        }
        return StreamerChanges.fansDiffer(onRecord, account);
    }

    private void differs(Submitted fields, String field, Object onRecord, Object inFile) {
        if (onRecord == null || !onRecord.equals(inFile)) {
            refusals.add(fields.refusal(field, "ACCOUNT_DIFFERS", onRecord == null ? "-" : onRecord, inFile));
        }
    }

    /** A value the file may name once only (a streamer, an account, a handle). */
    private void once(Map<String, Integer> seen, String value, Submitted fields, String field) {
        Integer first = seen.putIfAbsent(value, fields.row());
        if (first != null) {
            refusals.add(fields.refusal(field, "DUPLICATE", value, first));
        }
    }
}
