package com.livegov.governance.offboarding;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.accounts.AccountActions;
import com.livegov.governance.accounts.ActionRequest;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The automated steps of the offboarding ({@code Task_StartClock}, {@code Task_CloseAccounts},
 * {@code Task_RecordBreach}, {@code Task_VerifyClosed}). The clock runs from the departure time, which may
 * lie in the past: a departure recorded 3 hours late leaves 21 hours. Accounts are closed through
 * {@link AccountActions}, once per offboarding and account.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has
 * no database and refuses to work.
 */
@Component
public class OffboardingSteps {

    static final Duration WARNING_AFTER = Duration.ofHours(20);
    static final Duration DEADLINE_AFTER = Duration.ofHours(24);
    private static final List<String> OPEN_STATES = List.of("ACTIVE", "PAUSED", "SUSPENDED");
    private static final Duration SOON = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final AccountActions actions;
    private final boolean allowDeadlineOverride;

    public OffboardingSteps() {
        this(null, null, false);
    }

    @Autowired
    public OffboardingSteps(JdbcTemplate jdbc, AccountActions actions,
            @Value("${governance.offboarding.allow-deadline-override:false}") boolean allowDeadlineOverride) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.allowDeadlineOverride = allowDeadlineOverride;
    }

    /** Starts the clock: when the warning and the deadline fall, and how long from now until each. */
    public Map<String, Object> startClock(String streamerId, String departureTime, Map<String, Object> requestedDeadlines,
            KogitoProcessContext context) {
        Instant departure = departure(departureTime);
        requireStreamer(streamerId);
        Instant warningAt = departure.plus(after(requestedDeadlines, "warningAfter", WARNING_AFTER));
        Instant deadlineAt = departure.plus(after(requestedDeadlines, "deadlineAfter", DEADLINE_AFTER));
        Instant now = Instant.now();
        db().update("""
                insert into governance.offboardings (process_instance_id, streamer_id, departure_time, warning_at, deadline_at, started_at)
                values (?, ?, ?, ?, ?, ?)""", processInstanceId(context), streamerId, utc(departure), utc(warningAt), utc(deadlineAt), utc(now));
        db().update("update governance.streamers set status = 'OFFBOARDING' where id = ?", streamerId);
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("warningAt", warningAt.toString());
        clock.put("deadlineAt", deadlineAt.toString());
        clock.put("warningIn", untilOrSoon(now, warningAt).toString());
        clock.put("breachIn", untilOrSoon(now, deadlineAt).toString());
        return clock;
    }

    /** Disables every open account of the streamer (permissions revoked, key retired) and rotates its stream key. */
    public Map<String, Object> closeAccounts(String streamerId, String departureReason, KogitoProcessContext context) {
        String offboarding = processInstanceId(context);
        List<String> accounts = db().queryForList("""
                select id from governance.accounts where authorized_streamer = ? and status in ('ACTIVE', 'PAUSED', 'SUSPENDED')
                order by id""", String.class, streamerId);
        String reason = "offboarding: " + (departureReason == null ? "departure" : departureReason);
        for (String account : accounts) {
            for (AccountAction action : List.of(AccountAction.DISABLE, AccountAction.ROTATE_STREAM_KEY)) {
                accounts().execute(new ActionRequest("offboarding:" + offboarding + ":" + account + ":" + action, action, account,
                        "process:" + StreamerOffboarding.PROCESS_ID, reason, offboarding, offboarding, Map.of()));
            }
        }
        db().update("update governance.offboardings set accounts_closed_at = ? where process_instance_id = ?",
                utc(Instant.now()), offboarding);
        return Map.of("accountsClosed", accounts.size(), "accounts", accounts);
    }

    /** The deadline passed with the handover unfinished. */
    public void recordBreach(String streamerId, KogitoProcessContext context) {
        db().update("update governance.offboardings set breached_at = ? where process_instance_id = ?",
                utc(Instant.now()), processInstanceId(context));
    }

    /** Proves the end state: no account of the streamer is open. Fails the step if one is. */
    public Map<String, Object> verifyClosed(String streamerId, KogitoProcessContext context) {
        List<String> open = db().queryForList("select id from governance.accounts where authorized_streamer = ? and status in ('ACTIVE', 'PAUSED', 'SUSPENDED')",
                String.class, streamerId);
        if (!open.isEmpty()) {
            throw new IllegalStateException("Accounts of " + streamerId + " are still open: " + open);
        }
        Instant now = Instant.now();
        db().update("update governance.offboardings set completed_at = ? where process_instance_id = ?", utc(now), processInstanceId(context));
        db().update("update governance.streamers set status = 'OFFBOARDED' where id = ?", streamerId);
        return Map.of("openAccounts", 0, "verifiedAt", now.toString());
    }

    private Duration after(Map<String, Object> requested, String key, Duration standard) {
        Object value = requested == null ? null : requested.get(key);
        if (!allowDeadlineOverride || value == null) {
            return standard;
        }
        try {
            return Duration.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new OffboardingRefused(key + " is not an ISO-8601 duration: " + value);
        }
    }

    private static Instant departure(String departureTime) {
        if (departureTime == null) {
            throw new OffboardingRefused("departureTime is required (ISO-8601, for example 2026-11-24T06:00:00Z)");
        }
        try {
            return OffsetDateTime.parse(departureTime).toInstant();
        } catch (DateTimeParseException e) {
            throw new OffboardingRefused("departureTime is not an ISO-8601 date and time with offset: " + departureTime);
        }
    }

    /**
     * The streamer exists and is not offboarded or being offboarded. Their row stays locked until the start
     * commits, so two offboardings started at once cannot both pass.
     */
    private void requireStreamer(String streamerId) {
        List<String> status = db().queryForList("select status from governance.streamers where id = ? for update", String.class, streamerId);
        if (status.isEmpty()) {
            throw new OffboardingRefused("No streamer " + streamerId);
        }
        if (List.of("OFFBOARDING", "OFFBOARDED").contains(status.get(0))) {
            throw OffboardingRefused.alreadyOffboarding(streamerId, status.get(0));
        }
    }

    private static Duration untilOrSoon(Instant now, Instant at) {
        Duration until = Duration.between(now, at);
        return until.compareTo(SOON) < 0 ? SOON : until;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String processInstanceId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private JdbcTemplate db() {
        if (jdbc == null) {
            throw new IllegalStateException("OffboardingSteps was created without its database");
        }
        return jdbc;
    }

    private AccountActions accounts() {
        if (actions == null) {
            throw new IllegalStateException("OffboardingSteps was created without its AccountActions");
        }
        return actions;
    }
}
