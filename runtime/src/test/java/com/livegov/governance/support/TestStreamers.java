package com.livegov.governance.support;

import java.time.LocalDate;

import com.livegov.governance.accounts.StreamerRegistry;

/**
 * Test data: an active KEY streamer of ops-manager "mia", with sub-accounts of its own; the company's main
 * account; backup streamers.
 */
public final class TestStreamers {

    private TestStreamers() {
    }

    /** Registers the streamer and opens each sub-account for it (5,000 fans each). */
    public static void streamerWithSubAccounts(RunningApp app, String streamerId, String... accountIds) {
        StreamerRegistry registry = app.bean(StreamerRegistry.class);
        registry.register(new StreamerRegistry.Streamer(streamerId, "Host " + streamerId, "KEY", "ACTIVE", "beauty",
                LocalDate.of(2025, 3, 1), "mia"));
        for (String account : accountIds) {
            registry.openSubAccount(account, "@" + account, streamerId, 5_000);
        }
    }

    /** Opens the company's main account (no fans yet) unless it exists. */
    public static void mainAccount(RunningApp app, String accountId) {
        Integer existing = app.jdbc().queryForObject("select count(*) from governance.accounts where id = ?", Integer.class, accountId);
        if (existing == 0) {
            app.bean(StreamerRegistry.class).openMainAccount(accountId, "@" + accountId, 0);
        }
    }

    /** Registers a backup streamer with one sub-account and assigns it to the streamer at the rank. */
    public static void backup(RunningApp app, String streamerId, String backupId, String backupAccount, int rank) {
        streamerWithSubAccounts(app, backupId, backupAccount);
        app.bean(StreamerRegistry.class).assignBackup(streamerId, backupId, rank);
    }
}
