package com.livegov.governance.onboarding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import com.livegov.governance.inbox.TaskForms;
import com.livegov.governance.inbox.TaskSubmissionRule;
import org.kie.kogito.usertask.UserTaskInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The backup streamers operations names for a new streamer: how many the tier needs comes from the
 * BackupStreamers decision; each backup must be another, active streamer, named once. Checked when the
 * {@code AssignBackups} task is completed (a refused submission answers 400 and the task stays open) and
 * again when the backups are stored.
 */
@Component
class BackupAssignment implements TaskSubmissionRule {

    static final String TASK_NAME = "AssignBackups";
    static final String FIELD = "backupIds";
    private static final String DECISION = "BackupStreamers";
    private static final int CANDIDATES = 100;

    private final DecisionService decisions;
    private final StreamerRegistry registry;
    private final JdbcTemplate jdbc;

    BackupAssignment(DecisionService decisions, StreamerRegistry registry, JdbcTemplate jdbc) {
        this.decisions = decisions;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /**
     * What the tier needs (the decision, recorded) and who could be a backup: the ids of active streamers,
     * those of the same category first, as choices for the form.
     */
    Map<String, Object> requirement(String streamerId, String tier, DecisionCaller caller) {
        DecisionOutcome outcome = decisions.evaluate(DECISION, Map.of("tier", tier), caller);
        Map<?, ?> decided = (Map<?, ?>) outcome.outputs().get(DECISION);
        Map<String, Object> requirement = new LinkedHashMap<>();
        requirement.put("minimumBackups", ((BigDecimal) decided.get("minimumBackups")).intValueExact());
        requirement.put("maximumBackups", ((BigDecimal) decided.get("maximumBackups")).intValueExact());
        requirement.put("evaluationId", outcome.evaluationId());
        requirement.put("candidates", jdbc.queryForList("""
                select s.id from governance.streamers s where s.status = 'ACTIVE' and s.id <> ?
                order by s.category = (select category from governance.streamers where id = ?) desc, s.id limit ?""",
                String.class, streamerId, streamerId, CANDIDATES));
        return requirement;
    }

    /** Why these backups cannot be named for the streamer; empty when they can. */
    List<String> problems(String streamerId, Object backupIds, Map<?, ?> requirement) {
        List<?> named = backupIds instanceof List<?> list ? list : List.of();
        int minimum = ((Number) requirement.get("minimumBackups")).intValue();
        int maximum = ((Number) requirement.get("maximumBackups")).intValue();
        List<String> problems = new ArrayList<>();
        if (named.size() < minimum) {
            problems.add("needs at least " + minimum + " backup streamers for this tier, " + named.size() + " named");
        }
        if (named.size() > maximum) {
            problems.add("allows at most " + maximum + " backup streamers, " + named.size() + " named");
        }
        Set<Object> seen = new HashSet<>();
        for (Object backup : named) {
            String id = String.valueOf(backup);
            if (!seen.add(id)) {
                problems.add("names " + id + " twice");
            } else if (id.equals(streamerId)) {
                problems.add("names " + id + ", who cannot be their own backup");
            } else {
                Optional<String> status = registry.statusOf(id);
                if (status.isEmpty()) {
                    problems.add("names " + id + ", who is not a streamer");
                } else if (!status.get().equals("ACTIVE")) {
                    problems.add("names " + id + ", who is not active (" + status.get() + ")");
                }
            }
        }
        return problems;
    }

    @Override
    public List<TaskForms.FieldError> check(UserTaskInstance task, Map<String, Object> data, boolean completing) {
        if (!StreamerOnboarding.PROCESS_ID.equals(task.getMetadata().get("ProcessId")) || !TASK_NAME.equals(task.getTaskName())
                || !completing && !data.containsKey(FIELD)) {
            return List.of();
        }
        Object requirement = task.getInputs().get("backupRequirement");
        if (!(requirement instanceof Map<?, ?> needed)) {
            return List.of(new TaskForms.FieldError(FIELD, "cannot be checked: the task has no backup requirement"));
        }
        Object named = data.containsKey(FIELD) ? data.get(FIELD) : task.getOutputs().get(FIELD);
        return problems((String) task.getInputs().get("streamerId"), named, needed).stream()
                .map(problem -> new TaskForms.FieldError(FIELD, problem)).toList();
    }
}
