package com.livegov.governance.workbench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of the home page that are the same for everyone who may see them: offboardings whose 24-hour
 * clock is running, and the deadlines missed this month.
 */
@Component
class HomeFigures {

    /** An offboarding in progress: whose, when it must be done, how many hours are left (negative: overdue). */
    record RunningOffboarding(String streamerId, String streamerName, Instant departure, Instant deadline, long hoursLeft,
            boolean accountsClosed) {
    }

    /** What the home page shows. */
    record Home(List<RunningOffboarding> offboardings, int slaBreachesThisMonth) {
    }

    private final JdbcTemplate jdbc;

    HomeFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Home of(String user, Instant now) {
        List<RunningOffboarding> running = jdbc.query("""
                select o.streamer_id, s.display_name, o.departure_time, o.deadline_at, o.accounts_closed_at
                from governance.offboardings o join governance.streamers s on s.id = o.streamer_id
                where o.completed_at is null order by o.deadline_at limit 20""",
                (rs, row) -> {
                    Instant deadline = rs.getObject("deadline_at", OffsetDateTime.class).toInstant();
                    return new RunningOffboarding(rs.getString("streamer_id"), rs.getString("display_name"),
                            rs.getObject("departure_time", OffsetDateTime.class).toInstant(), deadline,
                            Duration.between(now, deadline).toHours(), rs.getObject("accounts_closed_at") != null);
                });
        Instant monthStart = now.atOffset(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        Integer breaches = jdbc.queryForObject("""
                select (select count(*) from governance.offboardings where breached_at >= ?)
                     + (select count(*) from governance.audit_trail where action = 'TASK_ESCALATED' and recorded_at >= ?)""",
                Integer.class, monthStart.atOffset(ZoneOffset.UTC), monthStart.atOffset(ZoneOffset.UTC));
        return new Home(running, breaches == null ? 0 : breaches);
    }
}
