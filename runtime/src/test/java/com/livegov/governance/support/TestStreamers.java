package com.livegov.governance.support;

import java.time.LocalDate;

import com.livegov.governance.accounts.StreamerRegistry;

/** Test data: an active KEY streamer of ops-manager "mia", with sub-accounts of its own. */
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
}
