package com.livegov.governance.onboarding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.taskcontext.Subjects;
import com.livegov.governance.taskcontext.TaskContextSource;
import com.livegov.governance.taskcontext.TaskDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The context of the onboarding's tasks: the latest draft of the contract terms, the enforceability check of it
 * (the OffboardingTerms evaluation and the problems it found) and the last review, e.g. legal's reasons for
 * returning the draft.
 */
@Component
class OnboardingTaskContext implements TaskContextSource {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Subjects subjects;
    private final ObjectMapper json;

    OnboardingTaskContext(JdbcTemplate jdbc, Subjects subjects, ObjectMapper json) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.json = json;
    }

    @Override
    public Set<String> processIds() {
        return Set.of(StreamerOnboarding.PROCESS_ID);
    }

    @Override
    public TaskDetails details(TaskFacts task) {
        String onboarding = task.processInstanceId();
        Optional<Map<String, Object>> row = jdbc.queryForList(
                "select streamer_id, sub_account_id from governance.onboardings where process_instance_id = ?", onboarding)
                .stream().findFirst();
        if (row.isEmpty()) {
            return new TaskDetails.None();
        }
        TaskDetails.Streamer streamer = subjects.streamer((String) row.get().get("streamer_id")).orElse(null);
        String subAccount = (String) row.get().get("sub_account_id");
        TaskDetails.Review lastReview = lastReview(onboarding);
        return jdbc.query("""
                select round, terms::text as terms, drafted_by, drafted_at, enforceable, problems, decision_evaluation_id
                from governance.contract_drafts where process_instance_id = ? order by round desc limit 1""",
                (rs, n) -> (TaskDetails) new TaskDetails.Onboarding(streamer, subAccount, rs.getInt("round"), terms(rs.getString("terms")),
                        rs.getString("drafted_by"), instant(rs.getObject("drafted_at", OffsetDateTime.class)), rs.getBoolean("enforceable"),
                        Subjects.strings(rs.getArray("problems")), subjects.evaluation(rs.getLong("decision_evaluation_id")).orElse(null),
                        lastReview), onboarding)
                .stream().findFirst()
                .orElseGet(() -> new TaskDetails.Onboarding(streamer, subAccount, null, null, null, null, null, List.of(), null, lastReview));
    }

    /** The most recent review of a draft: legal's or the director's, approved or returned with comments. */
    private TaskDetails.Review lastReview(String onboarding) {
        return jdbc.query("""
                select review_outcome, reviewed_by, reviewed_at, review_comment from governance.contract_drafts
                where process_instance_id = ? and review_outcome is not null order by round desc limit 1""",
                (rs, n) -> new TaskDetails.Review(rs.getString("review_outcome"), rs.getString("reviewed_by"),
                        instant(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("review_comment")), onboarding)
                .stream().findFirst().orElse(null);
    }

    private Map<String, Object> terms(String column) {
        try {
            return column == null ? null : json.readValue(column, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read recorded contract terms", e);
        }
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
