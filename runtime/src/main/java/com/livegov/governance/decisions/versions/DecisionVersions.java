package com.livegov.governance.decisions.versions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of {@code governance.decision_versions}. */
@Repository
class DecisionVersions {

    private static final String COLUMNS = """
            model, number, hash, state, origin, based_on, author, created_at, change_note, submitted_at, reviewer, reviewed_at,
            review_comment, effective_from, effective_until, needs_review""";

    private final JdbcTemplate jdbc;

    DecisionVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> models() {
        return jdbc.queryForList("select distinct model from governance.decision_versions order by model", String.class);
    }

    List<DecisionVersion> history(String model) {
        return jdbc.query("select " + COLUMNS + " from governance.decision_versions where model = ? order by number desc",
                (rs, row) -> version(rs), model);
    }

    Optional<DecisionVersion> find(String model, int number) {
        return jdbc.query("select " + COLUMNS + " from governance.decision_versions where model = ? and number = ?",
                (rs, row) -> version(rs), model, number).stream().findFirst();
    }

    /** The row, locked until the end of the transaction, so two steps on one version happen one after the other. */
    Optional<DecisionVersion> lock(String model, int number) {
        return jdbc.query("select " + COLUMNS + " from governance.decision_versions where model = ? and number = ? for update",
                (rs, row) -> version(rs), model, number).stream().findFirst();
    }

    Optional<String> xml(String model, int number) {
        return jdbc.queryForList("select xml from governance.decision_versions where model = ? and number = ?", String.class,
                model, number).stream().findFirst();
    }

    Optional<String> examples(String model, int number) {
        return jdbc.queryForList("select examples from governance.decision_versions where model = ? and number = ?", String.class,
                model, number).stream().findFirst();
    }

    /** The next number of a model, taken under a lock on the model's versions so two drafts never get the same one. */
    int nextNumber(String model) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "decision_versions:" + model);
        return jdbc.queryForObject("select coalesce(max(number), 0) + 1 from governance.decision_versions where model = ?",
                Integer.class, model);
    }

    void insertDraft(String model, int number, String namespace, String xml, String hash, String examples, VersionOrigin origin,
            Integer basedOn, String author, Instant now) {
        jdbc.update("""
                insert into governance.decision_versions (model, number, namespace, xml, hash, examples, state, origin, based_on,
                    author, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)""",
                model, number, namespace, xml, hash, examples, origin.name(), basedOn, author, Timestamp.from(now), Timestamp.from(now));
    }

    void insertRollback(String model, int number, String namespace, String xml, String hash, String examples, int basedOn,
            String author, String reason, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into governance.decision_versions (model, number, namespace, xml, hash, examples, state, origin, based_on,
                    author, created_at, updated_at, change_note, submitted_at, effective_from, needs_review)
                values (?, ?, ?, ?, ?, ?, 'APPROVED', 'ROLLBACK', ?, ?, ?, ?, ?, ?, ?, true)""",
                model, number, namespace, xml, hash, examples, basedOn, author, at, at, reason, at, at);
    }

    void saveDraft(String model, int number, String xml, String hash, String examples, VersionOrigin origin, Instant now) {
        jdbc.update("""
                update governance.decision_versions set xml = ?, hash = ?, examples = ?, origin = ?, updated_at = ?
                where model = ? and number = ? and state = 'DRAFT'""",
                xml, hash, examples, origin.name(), Timestamp.from(now), model, number);
    }

    void submit(String model, int number, String changeNote, Instant now) {
        jdbc.update("""
                update governance.decision_versions set state = 'SUBMITTED', change_note = ?, submitted_at = ?, updated_at = ?
                where model = ? and number = ? and state = 'DRAFT'""", changeNote, Timestamp.from(now), Timestamp.from(now), model, number);
    }

    void close(String model, int number, VersionState state, String reviewer, String comment, Instant now) {
        jdbc.update("""
                update governance.decision_versions set state = ?, reviewer = ?, reviewed_at = ?, review_comment = ?, updated_at = ?
                where model = ? and number = ? and state in ('DRAFT', 'SUBMITTED')""",
                state.name(), reviewer, reviewer != null ? Timestamp.from(now) : null, comment, Timestamp.from(now), model, number);
    }

    void approve(String model, int number, String reviewer, String comment, Instant from, Instant until, Instant now) {
        jdbc.update("""
                update governance.decision_versions set state = 'APPROVED', reviewer = ?, reviewed_at = ?, review_comment = ?,
                    effective_from = ?, effective_until = ?, updated_at = ?
                where model = ? and number = ? and state = 'SUBMITTED'""",
                reviewer, Timestamp.from(now), comment, Timestamp.from(from), until != null ? Timestamp.from(until) : null,
                Timestamp.from(now), model, number);
    }

    void confirmRollback(String model, int number, String reviewer, String comment, Instant now) {
        jdbc.update("""
                update governance.decision_versions set needs_review = false, reviewer = ?, reviewed_at = ?, review_comment = ?,
                    updated_at = ?
                where model = ? and number = ? and needs_review""",
                reviewer, Timestamp.from(now), comment, Timestamp.from(now), model, number);
    }

    /** Tells every replica that the versions in force changed (they poll this revision). */
    void bumpRevision() {
        jdbc.update("update governance.decision_catalog_revision set revision = revision + 1, changed_at = now() where id = 1");
    }

    private static DecisionVersion version(ResultSet rs) throws SQLException {
        return new DecisionVersion(rs.getString("model"), rs.getInt("number"), rs.getString("hash"),
                VersionState.valueOf(rs.getString("state")), VersionOrigin.valueOf(rs.getString("origin")),
                (Integer) rs.getObject("based_on"), rs.getString("author"), instant(rs, "created_at"), rs.getString("change_note"),
                instant(rs, "submitted_at"), rs.getString("reviewer"), instant(rs, "reviewed_at"), rs.getString("review_comment"),
                instant(rs, "effective_from"), instant(rs, "effective_until"), rs.getBoolean("needs_review"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
