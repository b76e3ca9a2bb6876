package com.livegov.governance.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: pages of a user's tasks by view ({@link InboxView}), filtered, sorted and counted, read with our
 * own SQL ({@link InboxSql}) over Kogito's user-task tables and {@code governance.task_index}.
 *
 * <pre>
 * InboxPage&lt;TaskRow&gt; page = inbox.find(InboxUser.of(principal), InboxView.MINE, InboxFilter.firstPage().overdue());
 * </pre>
 */
@Service
@EnableConfigurationProperties(InboxProperties.class)
public class InboxQuery {

    private final NamedParameterJdbcTemplate jdbc;
    private final Substitutes substitutes;
    private final InboxProperties properties;
    private final Clock clock;

    InboxQuery(NamedParameterJdbcTemplate jdbc, Substitutes substitutes, InboxProperties properties) {
        this.jdbc = jdbc;
        this.substitutes = substitutes;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * One page of a view, with the count of every view the user may open (same filters).
     *
     * @throws InvalidInboxRequest when the user may not open the view ({@link InboxView#TEAM} for a non-lead)
     */
    @Transactional(readOnly = true)
    public InboxPage<TaskRow> find(InboxUser user, InboxView view, InboxFilter filter) {
        Map<InboxView, Long> counts = counts(user, filter);
        if (!counts.containsKey(view)) {
            throw new InvalidInboxRequest("view", "'" + view.id() + "' is for team leads only");
        }
        return new InboxPage<>(view, rows(user, view, filter), filter.page(), filter.size(), counts.get(view), counts);
    }

    /** Only the page's rows (no counts): for a page that shows one list. */
    @Transactional(readOnly = true)
    public List<TaskRow> rows(InboxUser user, InboxView view, InboxFilter filter) {
        List<InboxSql.Identity> identities = identities(user, view);
        InboxSql sql = sql(user, view, identities, filter);
        if (sql == null) {
            return List.of();
        }
        return jdbc.query(sql.page(), sql.parameters(), (rs, row) -> row(rs, identities));
    }

    /** How many tasks each view the user may open holds with these filters ({@link InboxView#TEAM} for team leads only). */
    @Transactional(readOnly = true)
    public Map<InboxView, Long> counts(InboxUser user, InboxFilter filter) {
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        for (InboxView view : InboxView.values()) {
            InboxSql sql = sql(user, view, identities(user, view), filter);
            if (sql != null) {
                counts.put(view, jdbc.queryForObject(sql.count(), sql.parameters(), Long.class));
            }
        }
        return counts;
    }

    /** Whether the user leads a team (has the {@link InboxView#TEAM} view). */
    public boolean leadsATeam(InboxUser user) {
        return Team.of(user, properties) != null;
    }

    private InboxSql sql(InboxUser user, InboxView view, List<InboxSql.Identity> identities, InboxFilter filter) {
        Team team = view == InboxView.TEAM ? Team.of(user, properties) : null;
        if (view == InboxView.TEAM && team == null) {
            return null;
        }
        return new InboxSql(view, identities, team, filter, Timestamp.from(clock.instant()));
    }

    /** The login, then (for "mine" and "unassigned") every absent user whose substitute the login is right now. */
    private List<InboxSql.Identity> identities(InboxUser user, InboxView view) {
        List<InboxSql.Identity> identities = new ArrayList<>();
        identities.add(new InboxSql.Identity(user.name(), List.copyOf(user.groups())));
        if (view == InboxView.MINE || view == InboxView.GROUPS_UNASSIGNED) {
            substitutes.absentUsersStoodInBy(user.name(), clock.instant()).forEach(absent ->
                    identities.add(new InboxSql.Identity(absent.username(), absent.groups())));
        }
        return identities;
    }

    private static TaskRow row(ResultSet rs, List<InboxSql.Identity> identities) throws SQLException {
        int via = rs.getInt("via");
        String onBehalfOf = rs.getString("on_behalf_of");
        if (onBehalfOf == null && via > 0) {
            onBehalfOf = identities.get(via).user();
        }
        Timestamp due = rs.getTimestamp("due_at");
        return new TaskRow(rs.getString("task_id"), rs.getString("task_name"), rs.getString("process_id"),
                rs.getString("process_instance_id"), rs.getString("state"), rs.getString("owner"), rs.getString("streamer_id"),
                rs.getString("streamer_name"), rs.getTimestamp("created_at").toInstant(), due == null ? null : due.toInstant(),
                rs.getBoolean("overdue"), onBehalfOf);
    }
}
