package com.livegov.governance.accounts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streamers and the company accounts: registering a streamer, opening the company's main account and a
 * streamer's sub-account (authorized use, {@code STREAMER_BASIC}, no data export, a first stream key), and
 * reading it all back.
 */
@Repository
public class StreamerRegistry {

    private final JdbcTemplate jdbc;
    private final PlatformBackOffice backOffice;

    StreamerRegistry(JdbcTemplate jdbc, PlatformBackOffice backOffice) {
        this.jdbc = jdbc;
        this.backOffice = backOffice;
    }

    /** A streamer as registered. */
    public record Streamer(String id, String displayName, String tier, String status, String category, LocalDate startedOn,
            String opsManager) {
    }

    @Transactional
    public void register(Streamer streamer) {
        jdbc.update("""
                insert into governance.streamers (id, display_name, tier, status, category, started_on, ops_manager)
                values (?, ?, ?, ?, ?, ?, ?)""", streamer.id(), streamer.displayName(), streamer.tier(), streamer.status(),
                streamer.category(), streamer.startedOn(), streamer.opsManager());
    }

    @Transactional
    public void openMainAccount(String accountId, String handle, long fans) {
        jdbc.update("insert into governance.accounts (id, kind, platform_handle, status, fans) values (?, 'MAIN_ACCOUNT', ?, 'ACTIVE', ?)",
                accountId, handle, fans);
    }

    /** Opens a sub-account for the streamer's authorized use, with basic permissions and a stream key. */
    @Transactional
    public void openSubAccount(String accountId, String handle, String streamerId, long fans) {
        backOffice.openSubAccount(accountId, handle, streamerId);
        jdbc.update("update governance.accounts set fans = ? where id = ?", fans, accountId);
    }

    @Transactional
    public void assignBackup(String streamerId, String backupId, int rank) {
        assignBackup(streamerId, backupId, rank, null);
    }

    /** Names a backup streamer, recording who named it and when. */
    @Transactional
    public void assignBackup(String streamerId, String backupId, int rank, String assignedBy) {
        jdbc.update("insert into governance.streamer_backups (streamer_id, backup_id, rank, assigned_by, assigned_at) values (?, ?, ?, ?, ?)",
                streamerId, backupId, rank, assignedBy, OffsetDateTime.now());
    }

    /** The streamer's backups, by rank. */
    public List<Map<String, Object>> backupsOf(String streamerId) {
        return jdbc.queryForList("""
                select backup_id, rank, assigned_by, assigned_at from governance.streamer_backups
                where streamer_id = ? order by rank""", streamerId);
    }

    /** The streamer's status ({@code ONBOARDING}, {@code ACTIVE}, ...), if the streamer exists. */
    public Optional<String> statusOf(String streamerId) {
        return jdbc.queryForList("select status from governance.streamers where id = ?", String.class, streamerId).stream().findFirst();
    }

    @Transactional
    public void changeStatus(String streamerId, String status) {
        if (jdbc.update("update governance.streamers set status = ? where id = ?", status, streamerId) != 1) {
            throw new IllegalStateException("No streamer " + streamerId);
        }
    }

    public boolean exists(String streamerId) {
        Integer count = jdbc.queryForObject("select count(*) from governance.streamers where id = ?", Integer.class, streamerId);
        return count != null && count > 0;
    }

    /** The streamer's accounts with their state. */
    public List<Map<String, Object>> accountsOf(String streamerId) {
        return jdbc.queryForList("""
                select id, kind, platform_handle, status, suspended_until, fans from governance.accounts
                where authorized_streamer = ? order by id""", streamerId);
    }

    /** The streamer's permission grants, active and revoked. */
    public List<Map<String, Object>> grantsOf(String streamerId) {
        return jdbc.queryForList("""
                select account_id, level, data_export, granted_at, revoked_at from governance.permission_grants
                where streamer_id = ? order by id""", streamerId);
    }

    /** The active stream key fingerprint of an account, if any. */
    public List<String> activeKeyOf(String accountId) {
        return jdbc.queryForList("select fingerprint from governance.stream_keys where account_id = ? and retired_at is null",
                String.class, accountId);
    }
}
