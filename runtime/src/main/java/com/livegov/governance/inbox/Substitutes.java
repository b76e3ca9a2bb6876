package com.livegov.governance.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.security.SubstituteCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out-of-office substitutes ({@code governance.substitutes}): a user names a substitute for a period; while it
 * runs the substitute sees the user's tasks in the inbox and may act on them on the user's behalf. One user's
 * periods never overlap; nobody substitutes for themselves; the substitute must be a known, enabled user. Naming
 * and removing one is recorded in the audit trail.
 */
@Service
public class Substitutes implements SubstituteCheck {

    /** The longest period one substitution may cover. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    /** An absent user the login stands in for, with the groups Kogito acts with on their behalf. */
    public record AbsentUser(String username, List<String> groups) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;

    Substitutes(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The substitutes the user has named, soonest first. */
    public List<Substitution> namedBy(String absentUser) {
        return jdbc.query("select * from governance.substitutes where absent_user = ? order by valid_from, id", Substitutes::substitution, absentUser);
    }

    /** The periods in which the user stands in for somebody, soonest first. */
    public List<Substitution> standingInFor(String substitute) {
        return jdbc.query("select * from governance.substitutes where substitute = ? order by valid_from, id", Substitutes::substitution, substitute);
    }

    /**
     * Names a substitute for a period.
     *
     * @throws InvalidInboxRequest for an unknown or disabled substitute, oneself, an empty, reversed or too long
     *         period, or one that overlaps another of the user's periods
     */
    @Transactional
    public Substitution name(String absentUser, String substitute, Instant from, Instant until) {
        if (substitute == null || substitute.isBlank()) {
            throw new InvalidInboxRequest("substitute", "is required");
        }
        if (from == null || until == null) {
            throw new InvalidInboxRequest(from == null ? "from" : "until", "is required (an ISO-8601 instant, e.g. 2026-12-24T00:00:00Z)");
        }
        if (substitute.equals(absentUser)) {
            throw new InvalidInboxRequest("substitute", "cannot be yourself");
        }
        if (!until.isAfter(from)) {
            throw new InvalidInboxRequest("until", "must be after from");
        }
        if (Duration.between(from, until).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidInboxRequest("until", "must be at most " + LONGEST_PERIOD.toDays() + " days after from");
        }
        // one absent user's periods are checked and written one at a time (also across replicas)
        jdbc.queryForList("select username from governance.users where username = ? for update", String.class, absentUser);
        List<Boolean> enabled = jdbc.queryForList("select enabled from governance.users where username = ?", Boolean.class, substitute);
        if (enabled.isEmpty() || !enabled.get(0)) {
            throw new InvalidInboxRequest("substitute", "'" + substitute + "' is not a known, enabled user");
        }
        List<Long> overlapping = jdbc.queryForList("""
                select id from governance.substitutes where absent_user = ? and valid_from < ? and valid_until > ? order by valid_from limit 1""",
                Long.class, absentUser, Timestamp.from(until), Timestamp.from(from));
        if (!overlapping.isEmpty()) {
            throw new InvalidInboxRequest("from", "the period overlaps your substitution " + overlapping.get(0));
        }
        Long id = jdbc.queryForObject("""
                insert into governance.substitutes (absent_user, substitute, valid_from, valid_until) values (?, ?, ?, ?) returning id""",
                Long.class, absentUser, substitute, Timestamp.from(from), Timestamp.from(until));
        Substitution named = find(id).orElseThrow();
        audit.record(AuditEntry.of(AuditAction.SUBSTITUTE_NAMED, absentUser, AuditTarget.user(absentUser),
                "named " + substitute + " as substitute").withDetails(details(named)));
        return named;
    }

    /**
     * Removes one of the user's own substitutions.
     *
     * @return false when the user has no substitution with this id
     */
    @Transactional
    public boolean remove(String absentUser, long id) {
        Optional<Substitution> existing = find(id).filter(substitution -> substitution.absentUser().equals(absentUser));
        if (existing.isEmpty()) {
            return false;
        }
        jdbc.update("delete from governance.substitutes where id = ?", id);
        audit.record(AuditEntry.of(AuditAction.SUBSTITUTE_REMOVED, absentUser, AuditTarget.user(absentUser),
                "removed " + existing.get().substitute() + " as substitute").withDetails(details(existing.get())));
        return true;
    }

    /** The enabled users whose substitute this user is at this instant, with their groups. */
    public List<AbsentUser> absentUsersStoodInBy(String substitute, Instant at) {
        Map<String, List<String>> absent = new LinkedHashMap<>();
        jdbc.query("""
                select s.absent_user, g.group_name from governance.substitutes s
                join governance.users u on u.username = s.absent_user and u.enabled
                left join governance.user_groups g on g.username = s.absent_user
                where s.substitute = ? and s.valid_from <= ? and s.valid_until > ?
                order by s.absent_user, g.group_name""", row -> {
            List<String> groups = absent.computeIfAbsent(row.getString(1), name -> new ArrayList<>());
            if (row.getString(2) != null) {
                groups.add(row.getString(2));
            }
        }, substitute, Timestamp.from(at), Timestamp.from(at));
        return absent.entrySet().stream().map(entry -> new AbsentUser(entry.getKey(), List.copyOf(entry.getValue()))).toList();
    }

    @Override
    public Optional<List<String>> groupsWhileStandingIn(String substitute, String absentUser, Instant at) {
        return absentUsersStoodInBy(substitute, at).stream().filter(absent -> absent.username().equals(absentUser))
                .map(AbsentUser::groups).findFirst();
    }

    private Optional<Substitution> find(long id) {
        return jdbc.query("select * from governance.substitutes where id = ?", Substitutes::substitution, id).stream().findFirst();
    }

    private static Map<String, Object> details(Substitution substitution) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("substitution", substitution.id());
        details.put("substitute", substitution.substitute());
        details.put("from", substitution.validFrom().toString());
        details.put("until", substitution.validUntil().toString());
        return details;
    }

    private static Substitution substitution(ResultSet rs, int row) throws SQLException {
        return new Substitution(rs.getLong("id"), rs.getString("absent_user"), rs.getString("substitute"),
                rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
