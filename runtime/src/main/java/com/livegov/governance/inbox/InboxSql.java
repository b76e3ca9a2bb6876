package com.livegov.governance.inbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL of one inbox view: which open tasks a list of identities sees (the login first, then the absent users
 * it stands in for), over Kogito's user-task tables ({@code public.jbpm_user_tasks} and its potential users and
 * groups, excluded users, admin users and groups) joined with {@code governance.task_index} for the due and
 * created times and {@code governance.process_subjects} for the streamer.
 *
 * <p>Each view is first a set {@code visible(task_id, via)}: the task ids the view holds, and through which
 * identity (0 = the login, k = the k-th absent user). Candidates come from the indexes on owner, user and group,
 * so a view costs what it holds, not what the table holds.
 */
final class InboxSql {

    /** Someone the view is computed for: the login (first), or an absent user the login stands in for. */
    record Identity(String user, List<String> groups) {
    }

    private static final String OPEN_FROM = """
             from chosen c
             join public.jbpm_user_tasks t on t.id = c.task_id
             join governance.task_index i on i.task_id = c.task_id
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
    private final Timestamp now;
    private final MapSqlParameterSource parameters = new MapSqlParameterSource();

    InboxSql(InboxView view, List<Identity> identities, Team team, InboxFilter filter, Timestamp now) {
        this.view = view;
        this.identities = identities;
        this.team = team;
        this.filter = filter;
        this.now = now;
        parameters.addValue("now", now);
        for (int k = 0; k < identities.size(); k++) {
            parameters.addValue("u" + k, identities.get(k).user());
            // an empty IN list is not SQL: a group name nobody can have stands in for "no groups"
            List<String> groups = identities.get(k).groups().isEmpty() ? List.of("\u0000none") : identities.get(k).groups();
            parameters.addValue("g" + k, groups);
        }
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }

    /** The page's rows: task columns, then {@code via}. */
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
        return visible() + """
                select i.task_id, i.task_name, i.process_id, i.process_instance_id, t.status as state, t.actual_owner as owner,
                       ps.streamer_id, s.display_name as streamer_name, i.created_at, i.due_at,
                       (i.due_at is not null and i.due_at < :now) as overdue, null as on_behalf_of, c.via
                """ + OPEN_FROM + where() + " order by " + filter.sort().orderBy() + " limit :limit offset :offset";
    }

    /** How many tasks the view holds with these filters. */
    String count() {
        if (view == InboxView.COMPLETED_BY_ME) {
            return "select count(*)" + (needsStreamer() ? COMPLETED_FROM : " from governance.task_index i") + where();
        }
        String from = needsStreamer() ? OPEN_FROM : """
                 from chosen c
                 join public.jbpm_user_tasks t on t.id = c.task_id
                 join governance.task_index i on i.task_id = c.task_id
                """;
        return visible() + "select count(*)" + from + where();
    }

    private boolean needsStreamer() {
        return filter.streamerId() != null || filter.text() != null;
    }

    /** Completed tasks: "newest first" is the natural order; due order as asked. */
    private String completedOrder() {
        return switch (filter.sort()) {
            case CREATED_ASC -> "i.ended_at asc, i.task_id asc";
            case CREATED_DESC -> "i.ended_at desc, i.task_id asc";
            default -> filter.sort().orderBy();
        };
    }

    /** {@code with visible(task_id, via) as (...), chosen(task_id, via) as (...)}. */
    private String visible() {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < identities.size(); k++) {
            parts.addAll(candidates(k));
        }
        return "with visible(task_id, via) as (\n" + String.join("\n union all\n", parts) + "\n),\n"
                + "chosen(task_id, via) as (select task_id, min(via) from visible group by task_id)\n";
    }

    private List<String> candidates(int k) {
        String u = ":u" + k;
        String g = ":g" + k;
        String notExcluded = " and not exists (select 1 from public.jbpm_user_tasks_excluded_users x where x.task_id = %s and x.user_id = " + u + ")";
        return switch (view) {
            case MINE -> List.of("select t.id, " + k + " from public.jbpm_user_tasks t where t.actual_owner = " + u + " and t.status = 'Reserved'");
            case GROUPS_UNASSIGNED -> List.of(
                    "select pg.task_id, " + k + " from public.jbpm_user_tasks_potential_groups pg where pg.group_id in (" + g + ")"
                            + notExcluded.formatted("pg.task_id"),
                    "select pu.task_id, " + k + " from public.jbpm_user_tasks_potential_users pu where pu.user_id = " + u
                            + notExcluded.formatted("pu.task_id"));
            case VISIBLE -> k > 0 ? List.of() : List.of(
                    "select t.id, 0 from public.jbpm_user_tasks t where t.actual_owner = " + u,
                    "select au.task_id, 0 from public.jbpm_user_tasks_admin_users au where au.user_id = " + u,
                    "select ag.task_id, 0 from public.jbpm_user_tasks_admin_groups ag where ag.group_id in (" + g + ")",
                    "select pu.task_id, 0 from public.jbpm_user_tasks_potential_users pu where pu.user_id = " + u + notExcluded.formatted("pu.task_id"),
                    "select pg.task_id, 0 from public.jbpm_user_tasks_potential_groups pg where pg.group_id in (" + g + ")");
            case TEAM -> k > 0 ? List.of() : teamCandidates();
            case COMPLETED_BY_ME -> throw new IllegalStateException("completed tasks are not in Kogito's tables");
        };
    }

    private List<String> teamCandidates() {
        if (team.everything()) {
            return List.of("select t.id, 0 from public.jbpm_user_tasks t");
        }
        List<String> parts = new ArrayList<>();
        if (!team.groups().isEmpty()) {
            parameters.addValue("team", List.copyOf(team.groups()));
            String members = "(select m.username from governance.user_groups m where m.group_name in (:team))";
            parts.add("select pg.task_id, 0 from public.jbpm_user_tasks_potential_groups pg where pg.group_id in (:team)");
            parts.add("select t.id, 0 from public.jbpm_user_tasks t where t.actual_owner in " + members);
            parts.add("select pu.task_id, 0 from public.jbpm_user_tasks_potential_users pu where pu.user_id in " + members);
        }
        if (team.streamerManager()) {
            parts.add("""
                    select ti.task_id, 0 from governance.streamers ms
                    join governance.process_subjects mps on mps.streamer_id = ms.id
                    join governance.task_index ti on ti.process_instance_id = mps.process_instance_id
                    where ms.ops_manager = :u0 and ti.ended_at is null""");
        }
        return parts.isEmpty() ? List.of("select null::text, 0 where false") : parts;
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (view == InboxView.COMPLETED_BY_ME) {
            conditions.add("i.state = 'Completed' and (i.completed_by = :u0 or i.completed_on_behalf_of = :u0)");
            if (filter.overdueOnly()) {
                conditions.add("i.due_at is not null and i.ended_at > i.due_at");
            }
        } else {
            if (view == InboxView.GROUPS_UNASSIGNED) {
                conditions.add("t.status in ('Created', 'Ready')");
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
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Timestamp now() {
        return now;
    }
}
