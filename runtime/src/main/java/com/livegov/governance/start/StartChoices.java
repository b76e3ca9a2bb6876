package com.livegov.governance.start;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The existing accounts and streamers a start form chooses from. */
@Component
class StartChoices {

    private static final int MOST = 500;

    /** An account as a form offers it: the platform handle and whose it is. */
    record AccountChoice(String id, String handle, String kind, String status, String streamerId, String streamerName) {
    }

    /** A streamer as a form offers it. */
    record StreamerChoice(String id, String name, String tier, String status) {
    }

    private final JdbcTemplate jdbc;

    StartChoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The accounts that can still take an action (not cancelled or reclaimed), main account first, then by
     * streamer name; with a search text, those whose handle, id or streamer name contains it.
     */
    List<AccountChoice> accounts(String search) {
        String like = search == null || search.isBlank() ? "%" : "%" + escapeLike(search.strip()) + "%";
        return jdbc.query("""
                select a.id, a.platform_handle, a.kind, a.status, a.authorized_streamer, s.display_name
                  from governance.accounts a left join governance.streamers s on s.id = a.authorized_streamer
                 where a.status not in ('CANCELLED', 'RECLAIMED')
                   and (a.platform_handle ilike ? or a.id ilike ? or coalesce(s.display_name, '') ilike ?)
                 order by a.kind, s.display_name nulls first, a.platform_handle
                 limit ?""", (rs, row) -> new AccountChoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)), like, like, like, MOST);
    }

    Optional<AccountChoice> account(String id) {
        return jdbc.query("""
                select a.id, a.platform_handle, a.kind, a.status, a.authorized_streamer, s.display_name
                  from governance.accounts a left join governance.streamers s on s.id = a.authorized_streamer
                 where a.id = ?""", (rs, row) -> new AccountChoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)), id).stream().findFirst();
    }

    /** The streamers not yet offboarded, by name: those a violation can be reported for. */
    List<StreamerChoice> streamers() {
        return streamers(true);
    }

    /** The streamers who are not leaving already: those an offboarding can start for. */
    List<StreamerChoice> streamersStaying() {
        return streamers(false);
    }

    private List<StreamerChoice> streamers(boolean withThoseLeaving) {
        return jdbc.query("""
                select id, display_name, tier, status from governance.streamers
                 where status <> 'OFFBOARDED' and (? or status <> 'OFFBOARDING') order by display_name, id limit ?""",
                (rs, row) -> new StreamerChoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                withThoseLeaving, MOST);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
