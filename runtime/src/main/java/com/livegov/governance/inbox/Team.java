package com.livegov.governance.inbox;

import java.util.Set;
import java.util.TreeSet;

/**
 * A team lead's team, as {@link InboxProperties} defines it for the lead's groups.
 *
 * @param everything the lead sees every open task (admin)
 * @param groups the groups whose tasks are the team's
 * @param streamerManager the lead's team also holds the tasks about the streamers they manage
 */
record Team(boolean everything, Set<String> groups, boolean streamerManager) {

    /** The team of this user, or null when the user leads none. */
    static Team of(InboxUser user, InboxProperties properties) {
        Set<String> groups = new TreeSet<>();
        boolean lead = false;
        boolean everything = false;
        for (var entry : properties.teamGroups().entrySet()) {
            if (user.isIn(entry.getKey())) {
                lead = true;
                everything |= entry.getValue().contains(InboxProperties.ALL_GROUPS);
                groups.addAll(entry.getValue());
            }
        }
        if (!lead) {
            return null;
        }
        groups.remove(InboxProperties.ALL_GROUPS);
        return new Team(everything, Set.copyOf(groups), user.isIn(properties.streamerManagerGroup()));
    }
}
