package com.livegov.governance.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kie.kogito.usertask.UserTaskInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Team leads, their teams ({@link InboxProperties}) and the users they may hand tasks to. */
@Component
class TeamLeads {

    private final InboxProperties properties;
    private final JdbcTemplate jdbc;

    TeamLeads(InboxProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    Optional<Team> teamOf(InboxUser user) {
        return Optional.ofNullable(Team.of(user, properties));
    }

    /** The groups of a known, enabled user; empty when there is no such user. */
    Optional<Set<String>> enabledUsersGroups(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        List<Boolean> enabled = jdbc.queryForList("select enabled from governance.users where username = ?", Boolean.class, username);
        if (enabled.isEmpty() || !enabled.get(0)) {
            return Optional.empty();
        }
        return Optional.of(new HashSet<>(jdbc.queryForList("select group_name from governance.user_groups where username = ?", String.class, username)));
    }

    /** Whether the task is in the lead's team view: offered to a team group, or about a streamer the lead manages. */
    boolean isTeamTask(Team team, InboxUser lead, UserTaskInstance task) {
        if (team.everything() || task.getPotentialGroups().stream().anyMatch(team.groups()::contains)) {
            return true;
        }
        if (!team.streamerManager()) {
            return false;
        }
        Integer managed = jdbc.queryForObject("""
                select count(*) from governance.process_subjects ps join governance.streamers s on s.id = ps.streamer_id
                where ps.process_instance_id = ? and s.ops_manager = ?""", Integer.class,
                String.valueOf(task.getMetadata().get("ProcessInstanceId")), lead.name());
        return managed != null && managed > 0;
    }
}
