package com.livegov.governance.inbox;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the inbox ({@code governance.inbox.*}).
 *
 * @param teamGroups per team-lead group, the groups whose tasks make up that lead's team view: a task is the
 *        team's when it is offered to one of these groups, or owned by or offered by name to a member of one of
 *        them; {@code "*"} means every open task. A user in several lead groups gets the union.
 * @param streamerManagerGroup the lead group whose team view also holds every open task of the processes about
 *        the streamers they manage ({@code streamers.ops_manager} is them)
 */
@ConfigurationProperties(prefix = "governance.inbox")
public record InboxProperties(Map<String, List<String>> teamGroups, String streamerManagerGroup) {

    /** Stands for every group in {@link #teamGroups()}. */
    public static final String ALL_GROUPS = "*";

    public InboxProperties {
        teamGroups = teamGroups == null ? Map.of() : Map.copyOf(teamGroups);
        streamerManagerGroup = streamerManagerGroup == null ? "ops-manager" : streamerManagerGroup;
    }
}
