package com.livegov.governance.inbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL of one inbox view for a list of identities (the login first, then the absent users it stands in for),
 * over Kogito's user-task tables ({@code public.jbpm_user_tasks} with its potential users and groups, excluded
 * users, admin users and groups) joined with {@code governance.task_index} (due and created times) and
 * {@code governance.process_subjects} (the streamer).
 *
 * <p>A page walks {@code task_index} in the asked order (an index on due and on created time) and keeps the open
 * tasks the view's rule lets through, each checked on the primary keys of Kogito's tables: the first page costs
 * about as many rows as it shows, however many tasks the view holds. "Mine" starts from the owner index instead.
 * A count stops at {@link #MOST_COUNTED} + 1.
 */
final class InboxSql {

    /** Counts are exact up to this many; a view with more counts {@code MOST_COUNTED + 1} ("1,000+"). */
    static final int MOST_COUNTED = 1000;

    /** Someone the view is computed for: the login (first), or an absent user the login stands in for. */
    record Identity(String user, List<String> groups) {
    }

    private static final String OPEN_FROM = """
             from governance.task_index i
             join public.jbpm_user_tasks t on t.id = i.task_id
             left join governance.process_subjects ps on ps.process_instance_id = i.process_instance_id
             left join governance.streamers s on s.id = ps.streamer_id
            """;

    private static final String COMPLETED_FROM = """
             from governance.task_index i
             left join governance.process_subjects ps on ps.process_instance_id = i.process_instance_id
             left join governance.streamers s on s.id = ps.streamer_id
            """;

    private final InboxView view;
    private final List<Identity> identities;
    private final Team team;
    private final InboxFilter filter;
    private final MapSqlParameterSource parameters = new MapSqlParameterSource();

    InboxSql(InboxView view, List<Identity> identities, Team team, InboxFilter filter, Timestamp now) {
        this.view = view;
        this.identities = identities;
        this.team = team;
        this.filter = filter;
        parameters.addValue("now", now);
        parameters.addValue("mostCounted", MOST_COUNTED + 1);
        List<String> users = new ArrayList<>();
        for (int k = 0; k < identities.size(); k++) {
            parameters.addValue("u" + k, identities.get(k).user());
            // an empty IN list is not SQL: a group name nobody can have stands in for "no groups"
            List<String> groups = identities.get(k).groups().isEmpty() ? List.of("\u0000none") : identities.get(k).groups();
            parameters.addValue("g" + k, groups);
            users.add(identities.get(k).user());
        }
        parameters.addValue("users", users);
        if (team != null && !team.groups().isEmpty()) {
            parameters.addValue("team", List.copyOf(team.groups()));
        }
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }

    /** The page's rows: the task's columns, then {@code via} (which identity sees it: 0 the login, k the k-th absent user). */
    String page() {
        parameters.addValue("limit", filter.size());
        parameters.addValue("offset", (long) filter.page() * filter.size());
        if (view == InboxView.COMPLETED_BY_ME) {
            return """
                    select i.task_id, i.task_name, i.process_id, i.process_instance_id, i.state, i.completed_by as owner,
                           ps.streamer_id, s.display_name as streamer_name, i.created_at, i.due_at,
                           (i.due_at is not null and i.ended_at > i.due_at) as overdue, i.completed_on_behalf_of as on_behalf_of, 0 as via
                    """ + COMPLETED_FROM + where() + " order by " + completedOrder() + " limit :limit offset :offset";
        }
        String page = """
                select i.task_id, i.task_name, i.process_id, i.process_instance_id, t.status as state, t.actual_owner as owner,
                       ps.streamer_id, s.display_name as streamer_name, i.created_at, i.due_at,
                       (i.due_at is not null and i.due_at < :now) as overdue, null as on_behalf_of
                """ + OPEN_FROM + where() + " order by " + filter.sort().orderBy() + " limit :limit offset :offset";
        if (identities.size() == 1) {
            return "select p.*, 0 as via from (" + page + ") p";
        }
        // which identity sees each row: worked out for the page's rows only
        StringBuilder via = new StringBuilder("case");
        for (int k = 0; k < identities.size(); k++) {
            via.append(" when exists (select 1 from public.jbpm_user_tasks t where t.id = p.task_id and ").append(sees(k)).append(") then ").append(k);
        }
        return "select p.*, " + via + " else 0 end as via from (" + page + ") p";
    }

    /** How many tasks the view holds with these filters, counted up to {@link #MOST_COUNTED} + 1. */
    String count() {
        String from = view == InboxView.COMPLETED_BY_ME ? COMPLETED_FROM : OPEN_FROM;
        return "select count(*) from (select 1" + from + where() + " limit :mostCounted) counted";
    }

    /** Completed tasks: "created" sorts by completion time. */
    private String completedOrder() {
        return switch (filter.sort()) {
            case CREATED_ASC -> "i.ended_at asc, i.task_id asc";
            case CREATED_DESC -> "i.ended_at desc, i.task_id desc";
            default -> filter.sort().orderBy();
        };
    }

    /** The view's rule for the k-th identity, on the task row {@code t}. */
    private String sees(int k) {
        String u = ":u" + k;
        String g = ":g" + k;
        return switch (view) {
            case MINE -> "t.actual_owner = " + u + " and t.status = 'Reserved'";
            case GROUPS_UNASSIGNED -> "t.status in ('Created', 'Ready')"
                    + " and (exists (select 1 from public.jbpm_user_tasks_potential_groups pg where pg.task_id = t.id and pg.group_id in (" + g + "))"
                    + " or exists (select 1 from public.jbpm_user_tasks_potential_users pu where pu.task_id = t.id and pu.user_id = " + u + "))"
                    + " and not exists (select 1 from public.jbpm_user_tasks_excluded_users x where x.task_id = t.id and x.user_id = " + u + ")";
            case VISIBLE -> "(t.actual_owner = " + u
                    + " or exists (select 1 from public.jbpm_user_tasks_admin_users au where au.task_id = t.id and au.user_id = " + u + ")"
                    + " or exists (select 1 from public.jbpm_user_tasks_admin_groups ag where ag.task_id = t.id and ag.group_id in (" + g + "))"
                    + " or exists (select 1 from public.jbpm_user_tasks_potential_users pu where pu.task_id = t.id and pu.user_id = " + u + ")"
                    + " and not exists (select 1 from public.jbpm_user_tasks_excluded_users x where x.task_id = t.id and x.user_id = " + u + ")"
                    + " or exists (select 1 from public.jbpm_user_tasks_potential_groups pg where pg.task_id = t.id and pg.group_id in (" + g + ")))";
            case TEAM -> teamRule();
            case COMPLETED_BY_ME -> throw new IllegalStateException("completed tasks are not in Kogito's tables");
        };
    }

    private String teamRule() {
        if (team.everything()) {
            return "true";
        }
        List<String> rules = new ArrayList<>();
        if (!team.groups().isEmpty()) {
            String members = "(select m.username from governance.user_groups m where m.group_name in (:team))";
            rules.add("exists (select 1 from public.jbpm_user_tasks_potential_groups pg where pg.task_id = t.id and pg.group_id in (:team))");
            rules.add("t.actual_owner in " + members);
            rules.add("exists (select 1 from public.jbpm_user_tasks_potential_users pu where pu.task_id = t.id and pu.user_id in " + members + ")");
        }
        if (team.streamerManager()) {
            rules.add("exists (select 1 from governance.process_subjects mps join governance.streamers ms on ms.id = mps.streamer_id"
                    + " where mps.process_instance_id = i.process_instance_id and ms.ops_manager = :u0)");
        }
        return rules.isEmpty() ? "false" : "(" + String.join(" or ", rules) + ")";
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (view == InboxView.COMPLETED_BY_ME) {
            conditions.add("i.state = 'Completed' and (i.completed_by = :u0 or i.completed_on_behalf_of = :u0)");
            if (filter.overdueOnly()) {
                conditions.add("i.due_at is not null and i.ended_at > i.due_at");
            }
        } else {
            conditions.add("i.ended_at is null");
            if (view == InboxView.MINE) {
                // starts from Kogito's owner index
                conditions.add("t.actual_owner in (:users) and t.status = 'Reserved'");
            } else if (identities.size() == 1 || view != InboxView.GROUPS_UNASSIGNED) {
                conditions.add(sees(0));
            } else {
                List<String> anyone = new ArrayList<>();
                for (int k = 0; k < identities.size(); k++) {
                    anyone.add("(" + sees(k) + ")");
                }
                conditions.add("(" + String.join(" or ", anyone) + ")");
            }
            if (filter.overdueOnly()) {
                conditions.add("i.due_at < :now");
            }
        }
        if (filter.processId() != null) {
            conditions.add("i.process_id = :process");
            parameters.addValue("process", filter.processId());
        }
        if (filter.streamerId() != null) {
            conditions.add("ps.streamer_id = :streamer");
            parameters.addValue("streamer", filter.streamerId());
        }
        if (filter.dueBefore() != null) {
            conditions.add("i.due_at < :dueBefore");
            parameters.addValue("dueBefore", Timestamp.from(filter.dueBefore()));
        }
        if (filter.text() != null) {
            conditions.add("(i.task_name ilike :text escape '\\' or i.description ilike :text escape '\\' or s.display_name ilike :text escape '\\')");
            parameters.addValue("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return " where " + String.join(" and ", conditions);
    }
}
