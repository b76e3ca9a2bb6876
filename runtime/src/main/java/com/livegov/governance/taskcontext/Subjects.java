package com.livegov.governance.taskcontext;

import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the task context sources name over and over: a streamer, an account, a recorded decision evaluation.
 */
@Component
public class Subjects {

    private final JdbcTemplate jdbc;

    Subjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TaskDetails.Streamer> streamer(String streamerId) {
        if (streamerId == null) {
            return Optional.empty();
        }
        return jdbc.query("select id, display_name, tier, status, ops_manager from governance.streamers where id = ?",
                (rs, row) -> new TaskDetails.Streamer(rs.getString("id"), rs.getString("display_name"), rs.getString("tier"),
                        rs.getString("status"), rs.getString("ops_manager")), streamerId).stream().findFirst();
    }

    public Optional<TaskDetails.Account> account(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return jdbc.query("""
                select id, platform_handle, kind, status, fans, authorized_streamer from governance.accounts where id = ?""",
                (rs, row) -> new TaskDetails.Account(rs.getString("id"), rs.getString("platform_handle"), rs.getString("kind"),
                        rs.getString("status"), rs.getLong("fans"), rs.getString("authorized_streamer")), accountId).stream().findFirst();
    }

    /** The last evaluation of the decision that the process instance made, if recorded. */
    public Optional<TaskDetails.Evaluation> evaluationBy(String processInstanceId, String decision) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        return jdbc.query("""
                select id, decision, version, matched_rules, evaluated_at from governance.decision_evaluations
                where caller_kind = 'PROCESS' and caller_id = ? and decision = ? order by id desc limit 1""",
                (rs, row) -> new TaskDetails.Evaluation(rs.getLong("id"), rs.getString("decision"), rs.getString("version"),
                        strings(rs.getArray("matched_rules")), rs.getObject("evaluated_at", OffsetDateTime.class).toInstant()),
                processInstanceId, decision).stream().findFirst();
    }

    /** A recorded evaluation by its id. */
    public Optional<TaskDetails.Evaluation> evaluation(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.query("select id, decision, version, matched_rules, evaluated_at from governance.decision_evaluations where id = ?",
                (rs, row) -> new TaskDetails.Evaluation(rs.getLong("id"), rs.getString("decision"), rs.getString("version"),
                        strings(rs.getArray("matched_rules")), rs.getObject("evaluated_at", OffsetDateTime.class).toInstant()),
                id).stream().findFirst();
    }

    /** A text[] column as a list (empty for null). */
    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
