package com.livegov.governance.accounts;

import java.time.Duration;
import java.util.Map;

/**
 * The live-commerce platform's back office, where the company's accounts really live. Every account action
 * goes through here; an adapter to a real platform API replaces only the implementation. Each method answers
 * what it did, for the action record.
 */
public interface PlatformBackOffice {

    /** Creates a sub-account the streamer may use: {@code STREAMER_BASIC}, no data export, a first stream key. */
    Map<String, Object> openSubAccount(String accountId, String handle, String streamerId);

    Map<String, Object> pauseLive(String accountId);

    Map<String, Object> suspendLive(String accountId, Duration duration);

    Map<String, Object> restoreLive(String accountId);

    Map<String, Object> downgradePermissions(String accountId, PermissionLevel level);

    Map<String, Object> disable(String accountId);

    Map<String, Object> cancel(String accountId);

    Map<String, Object> transferFans(String fromAccountId, String toAccountId);

    Map<String, Object> reclaim(String accountId);

    Map<String, Object> rotateStreamKey(String accountId);
}
