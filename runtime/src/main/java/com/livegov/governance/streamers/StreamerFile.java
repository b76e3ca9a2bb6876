package com.livegov.governance.streamers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Everything the streamer page shows about one streamer, read from the tables of the features that own it
 * (accounts, violations, offboarding, onboarding): plain reads, nothing changes here.
 */
@Repository
class StreamerFile {

    record Streamer(String id, String name, String tier, String status, String category, LocalDate startedOn, String opsManager) {
    }

    record Account(String id, String handle, String kind, String status, long fans, Instant suspendedUntil) {
    }

    record Grant(String accountId, String handle, String level, boolean dataExport, Instant grantedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    record Action(String actionId, String action, String accountId, String handle, Instant executedAt, String actor, String reason,
            String approval, String processInstanceId, String parameters) {
    }

    record Violation(String id, String kind, String severity, String source, String reportedBy, Instant reportedAt,
            BigDecimal fine, String fineStatus, String outcome, Instant closedAt) {
    }

    record Offboarding(String processInstanceId, Instant departure, Instant deadline, Instant accountsClosedAt, Instant breachedAt,
            Instant completedAt) {
        public boolean running() {
            return completedAt == null;
        }

        public boolean breached() {
            return breachedAt != null || running() && deadline.isBefore(Instant.now());
        }
    }

    record Onboarding(String processInstanceId, String subAccountId, String initiatedBy, Instant startedAt, Instant signedAt,
            Instant activatedAt, Integer nonCompeteMonths, BigDecimal monthlyCompensation, String reviewedBy, String signedBy) {
    }

    record Backup(String backupId, String name, int rank, String assignedBy, Instant assignedAt) {
    }

    private static final int MOST_ACTIONS = 100;

    private final JdbcTemplate jdbc;

    StreamerFile(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Streamer> streamer(String id) {
        return jdbc.query("select * from governance.streamers where id = ?", (rs, n) -> new Streamer(rs.getString("id"),
                rs.getString("display_name"), rs.getString("tier"), rs.getString("status"), rs.getString("category"),
                rs.getObject("started_on", LocalDate.class), rs.getString("ops_manager")), id).stream().findFirst();
    }

    List<Account> accounts(String streamerId) {
        return jdbc.query("""
                select id, platform_handle, kind, status, fans, suspended_until from governance.accounts
                where authorized_streamer = ? order by id""",
                (rs, n) -> new Account(rs.getString("id"), rs.getString("platform_handle"), rs.getString("kind"), rs.getString("status"),
                        rs.getLong("fans"), instant(rs, "suspended_until")), streamerId);
    }

    List<Grant> grants(String streamerId) {
        return jdbc.query("""
                select g.account_id, a.platform_handle, g.level, g.data_export, g.granted_at, g.revoked_at
                from governance.permission_grants g join governance.accounts a on a.id = g.account_id
                where g.streamer_id = ? order by g.revoked_at is null desc, g.granted_at desc""",
                (rs, n) -> new Grant(rs.getString("account_id"), rs.getString("platform_handle"), rs.getString("level"),
                        rs.getBoolean("data_export"), instant(rs, "granted_at"), instant(rs, "revoked_at")), streamerId);
    }

    /** The latest actions on the streamer's accounts, newest first. */
    List<Action> actions(String streamerId) {
        return jdbc.query("""
                select x.action_id, x.action, x.account_id, a.platform_handle, x.executed_at, x.actor, x.reason,
                       x.approval_reference, x.process_instance_id, x.parameters::text as parameters
                from governance.account_actions x join governance.accounts a on a.id = x.account_id
                where a.authorized_streamer = ? order by x.executed_at desc, x.action_id limit ?""",
                (rs, n) -> new Action(rs.getString("action_id"), rs.getString("action"), rs.getString("account_id"),
                        rs.getString("platform_handle"), instant(rs, "executed_at"), rs.getString("actor"), rs.getString("reason"),
                        rs.getString("approval_reference"), rs.getString("process_instance_id"), parameters(rs.getString("parameters"))),
                streamerId, MOST_ACTIONS);
    }

    List<Violation> violations(String streamerId) {
        return jdbc.query("""
                select violation_id, violation_kind, severity, source, reported_by, reported_at, fine, fine_status, outcome, closed_at
                from governance.violations where streamer_id = ? order by reported_at desc""",
                (rs, n) -> new Violation(rs.getString("violation_id"), rs.getString("violation_kind"), rs.getString("severity"),
                        rs.getString("source"), rs.getString("reported_by"), instant(rs, "reported_at"), rs.getBigDecimal("fine"),
                        rs.getString("fine_status"), rs.getString("outcome"), instant(rs, "closed_at")), streamerId);
    }

    List<Offboarding> offboardings(String streamerId) {
        return jdbc.query("""
                select process_instance_id, departure_time, deadline_at, accounts_closed_at, breached_at, completed_at
                from governance.offboardings where streamer_id = ? order by started_at desc""",
                (rs, n) -> new Offboarding(rs.getString("process_instance_id"), instant(rs, "departure_time"), instant(rs, "deadline_at"),
                        instant(rs, "accounts_closed_at"), instant(rs, "breached_at"), instant(rs, "completed_at")), streamerId);
    }

    List<Onboarding> onboardings(String streamerId) {
        return jdbc.query("""
                select o.process_instance_id, o.sub_account_id, o.initiated_by, o.started_at, o.signed_at, o.activated_at,
                       c.non_compete_months, c.monthly_compensation, c.reviewed_by, c.signed_by
                from governance.onboardings o left join governance.signed_contracts c on c.process_instance_id = o.process_instance_id
                where o.streamer_id = ? order by o.started_at desc""",
                (rs, n) -> new Onboarding(rs.getString("process_instance_id"), rs.getString("sub_account_id"), rs.getString("initiated_by"),
                        instant(rs, "started_at"), instant(rs, "signed_at"), instant(rs, "activated_at"),
                        (Integer) rs.getObject("non_compete_months"), rs.getBigDecimal("monthly_compensation"), rs.getString("reviewed_by"),
                        rs.getString("signed_by")), streamerId);
    }

    List<Backup> backups(String streamerId) {
        return jdbc.query("""
                select b.backup_id, s.display_name, b.rank, b.assigned_by, b.assigned_at
                from governance.streamer_backups b join governance.streamers s on s.id = b.backup_id
                where b.streamer_id = ? order by b.rank""",
                (rs, n) -> new Backup(rs.getString("backup_id"), rs.getString("display_name"), rs.getInt("rank"), rs.getString("assigned_by"),
                        instant(rs, "assigned_at")), streamerId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The parameters as a reader sees them: {@code suspensionDays: 2}, without JSON punctuation; none is empty. */
    static String parameters(String json) {
        if (json == null || json.isBlank() || json.strip().equals("{}") || json.strip().equals("null")) {
            return "";
        }
        String inner = json.strip();
        if (inner.startsWith("{") && inner.endsWith("}")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return inner.replace("\"", "").replace(",", ", ").replace(":", ": ");
    }
}
