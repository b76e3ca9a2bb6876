package com.livegov.governance.accounts;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The back office kept in our own tables, until an adapter to a real platform API replaces it. It changes
 * account state only; the caller ({@link AccountActions}) checks, locks and records.
 */
@Component
class InProcessBackOffice implements PlatformBackOffice {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    InProcessBackOffice(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> openSubAccount(String accountId, String handle, String streamerId) {
        jdbc.update("""
                insert into governance.accounts (id, kind, platform_handle, authorized_streamer, status)
                values (?, 'SUB_ACCOUNT', ?, ?, 'ACTIVE')""", accountId, handle, streamerId);
        jdbc.update("""
                insert into governance.permission_grants (account_id, streamer_id, level, data_export, granted_at)
                values (?, ?, ?, false, ?)""", accountId, streamerId, PermissionLevel.STREAMER_BASIC.name(), OffsetDateTime.now());
        Map<String, Object> outcome = outcome("status", "ACTIVE", "handle", handle, "authorizedStreamer", streamerId,
                "level", PermissionLevel.STREAMER_BASIC.name(), "dataExport", false);
        outcome.putAll(rotateStreamKey(accountId));
        return outcome;
    }

    @Override
    public Map<String, Object> pauseLive(String accountId) {
        return setStatus(accountId, "PAUSED", null);
    }

    @Override
    public Map<String, Object> suspendLive(String accountId, Duration duration) {
        return setStatus(accountId, "SUSPENDED", OffsetDateTime.now().plus(duration));
    }

    @Override
    public Map<String, Object> restoreLive(String accountId) {
        return setStatus(accountId, "ACTIVE", null);
    }

    @Override
    public Map<String, Object> downgradePermissions(String accountId, PermissionLevel level) {
        OffsetDateTime now = OffsetDateTime.now();
        int changed = 0;
        for (Map<String, Object> grant : jdbc.queryForList(
                "select id, streamer_id, level from governance.permission_grants where account_id = ? and revoked_at is null", accountId)) {
            if (PermissionLevel.valueOf((String) grant.get("level")).compareTo(level) >= 0) {
                jdbc.update("update governance.permission_grants set revoked_at = ? where id = ?", now, grant.get("id"));
                jdbc.update("""
                        insert into governance.permission_grants (account_id, streamer_id, level, data_export, granted_at)
                        values (?, ?, ?, false, ?)""", accountId, grant.get("streamer_id"), level.name(), now);
                changed++;
            }
        }
        return outcome("level", level.name(), "grantsChanged", changed);
    }

    @Override
    public Map<String, Object> disable(String accountId) {
        return close(accountId, "DISABLED");
    }

    @Override
    public Map<String, Object> cancel(String accountId) {
        return close(accountId, "CANCELLED");
    }

    @Override
    public Map<String, Object> transferFans(String fromAccountId, String toAccountId) {
        Long fans = jdbc.queryForObject("select fans from governance.accounts where id = ?", Long.class, fromAccountId);
        jdbc.update("update governance.accounts set fans = 0 where id = ?", fromAccountId);
        jdbc.update("update governance.accounts set fans = fans + ? where id = ?", fans, toAccountId);
        return outcome("fansMoved", fans, "to", toAccountId);
    }

    @Override
    public Map<String, Object> reclaim(String accountId) {
        return close(accountId, "RECLAIMED");
    }

    @Override
    public Map<String, Object> rotateStreamKey(String accountId) {
        retireKey(accountId);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        // the key itself goes to the platform; we keep a fingerprint to prove which key was valid when
        String fingerprint = HexFormat.of().formatHex(key, 0, 8);
        jdbc.update("insert into governance.stream_keys (account_id, fingerprint, issued_at) values (?, ?, ?)",
                accountId, fingerprint, OffsetDateTime.now());
        return outcome("newKeyFingerprint", fingerprint);
    }

    /** Takes the account out of use: the new status, no permission left, no valid stream key. */
    private Map<String, Object> close(String accountId, String status) {
        Map<String, Object> outcome = setStatus(accountId, status, null);
        outcome.put("grantsRevoked", revokeGrants(accountId));
        outcome.put("streamKeyRetired", retireKey(accountId));
        return outcome;
    }

    private Map<String, Object> setStatus(String accountId, String status, OffsetDateTime suspendedUntil) {
        jdbc.update("update governance.accounts set status = ?, suspended_until = ? where id = ?", status, suspendedUntil, accountId);
        Map<String, Object> outcome = outcome("status", status);
        if (suspendedUntil != null) {
            outcome.put("suspendedUntil", suspendedUntil.toString());
        }
        return outcome;
    }

    private int revokeGrants(String accountId) {
        return jdbc.update("update governance.permission_grants set revoked_at = ? where account_id = ? and revoked_at is null",
                OffsetDateTime.now(), accountId);
    }

    private boolean retireKey(String accountId) {
        return jdbc.update("update governance.stream_keys set retired_at = ? where account_id = ? and retired_at is null",
                OffsetDateTime.now(), accountId) > 0;
    }

    private static Map<String, Object> outcome(Object... keysAndValues) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            outcome.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return outcome;
    }
}
