package com.livegov.governance.inbox;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The task figures of the home page: my open, due today and overdue tasks; my groups' unassigned; my team's. */
@Component
public class HomeTasks {

    /**
     * @param endOfDay the end of today in the company's zone, as the inbox's "due before" filter writes it
     */
    public record Figures(long open, long dueToday, long overdue, long groupsUnassigned, boolean teamLead, long teamOpen,
            long teamOverdue, String endOfDay) {
    }

    private final InboxQuery inbox;

    HomeTasks(InboxQuery inbox) {
        this.inbox = inbox;
    }

    public Figures of(Principal login, Instant now, ZoneId zone) {
        InboxUser user = InboxUser.of(login);
        var endOfDay = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
        InboxFilter all = InboxFilter.firstPage();
        Map<InboxView, Long> open = inbox.counts(user, all);
        Map<InboxView, Long> overdue = inbox.counts(user, new InboxFilter(null, null, true, null, null, all.sort(), 0, all.size()));
        Map<InboxView, Long> dueByTonight = inbox.counts(user,
                new InboxFilter(null, null, false, endOfDay.toInstant(), null, all.sort(), 0, all.size()));
        long mineOverdue = overdue.getOrDefault(InboxView.MINE, 0L);
        return new Figures(open.getOrDefault(InboxView.MINE, 0L), dueByTonight.getOrDefault(InboxView.MINE, 0L) - mineOverdue, mineOverdue,
                open.getOrDefault(InboxView.GROUPS_UNASSIGNED, 0L), open.containsKey(InboxView.TEAM),
                open.getOrDefault(InboxView.TEAM, 0L), overdue.getOrDefault(InboxView.TEAM, 0L),
                endOfDay.toLocalDateTime().toString());
    }
}
