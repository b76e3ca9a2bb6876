package com.livegov.governance.imports;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database already holds about the streamers, accounts and handles a file names, and who the ops-managers
 * are: read once, after the import's lock is taken, so that the checks and the changes see the same state.
 */
final class RecordsOnFile {

    /** A streamer on record, with its backups in rank order. */
    record Streamer(String id, String displayName, String tier, String status, String category, LocalDate startedOn,
            String opsManager, List<String> backups) {
    }

    /** An account on record, with the active grant of its authorized streamer (null level: no active grant). */
    record Account(String id, String kind, String handle, String authorizedStreamer, long fans, String level, Boolean dataExport) {
    }

    private final Set<String> opsManagers;
    private final Map<String, Streamer> streamers;
    private final Map<String, Account> accounts;
    private final Map<String, String> accountByHandle;

    private RecordsOnFile(Set<String> opsManagers, Map<String, Streamer> streamers, Map<String, Account> accounts,
            Map<String, String> accountByHandle) {
        this.opsManagers = opsManagers;
        this.streamers = streamers;
        this.accounts = accounts;
        this.accountByHandle = accountByHandle;
    }

    static RecordsOnFile read(JdbcTemplate jdbc, Collection<String> streamerIds, Collection<String> accountIds, Collection<String> handles) {
        Set<String> opsManagers = Set.copyOf(jdbc.queryForList("""
                select u.username from governance.users u join governance.user_groups g on g.username = u.username
                where u.enabled and g.group_name = 'ops-manager'""", String.class));
        Map<String, List<String>> backups = new HashMap<>();
        jdbc.query("select streamer_id, backup_id from governance.streamer_backups where streamer_id = any(?) order by streamer_id, rank",
                rs -> {
                    backups.computeIfAbsent(rs.getString(1), id -> new java.util.ArrayList<>()).add(rs.getString(2));
                }, (Object) array(streamerIds));
        Map<String, Streamer> streamers = new LinkedHashMap<>();
        jdbc.query("select * from governance.streamers where id = any(?)", rs -> {
            String id = rs.getString("id");
            streamers.put(id, new Streamer(id, rs.getString("display_name"), rs.getString("tier"), rs.getString("status"),
                    rs.getString("category"), rs.getObject("started_on", LocalDate.class), rs.getString("ops_manager"),
                    List.copyOf(backups.getOrDefault(id, List.of()))));
        }, (Object) array(streamerIds));
        Map<String, Account> accounts = new LinkedHashMap<>();
        jdbc.query("""
                select a.id, a.kind, a.platform_handle, a.authorized_streamer, a.fans, g.level, g.data_export
                from governance.accounts a
                left join governance.permission_grants g
                    on g.account_id = a.id and g.streamer_id = a.authorized_streamer and g.revoked_at is null
                where a.id = any(?)""", rs -> {
            accounts.put(rs.getString("id"), new Account(rs.getString("id"), rs.getString("kind"), rs.getString("platform_handle"),
                    rs.getString("authorized_streamer"), rs.getLong("fans"), rs.getString("level"), (Boolean) rs.getObject("data_export")));
        }, (Object) array(accountIds));
        Map<String, String> accountByHandle = new HashMap<>();
        jdbc.query("select platform_handle, id from governance.accounts where platform_handle = any(?)",
                rs -> {
                    accountByHandle.put(rs.getString(1), rs.getString(2));
                }, (Object) array(handles));
        return new RecordsOnFile(opsManagers, streamers, accounts, accountByHandle);
    }

    boolean isOpsManager(String username) {
        return opsManagers.contains(username);
    }

    Optional<Streamer> streamer(String id) {
        return Optional.ofNullable(streamers.get(id));
    }

    Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** The account that uses the handle, if any. */
    Optional<String> accountWithHandle(String handle) {
        return Optional.ofNullable(accountByHandle.get(handle));
    }

    private static String[] array(Collection<String> values) {
        return values.stream().collect(Collectors.toCollection(java.util.TreeSet::new)).toArray(String[]::new);
    }
}
