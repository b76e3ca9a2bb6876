package com.livegov.governance.offboarding;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.livegov.governance.history.ProcessHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The compliance evidence of a streamer's offboarding: every step with its time and actor, from the
 * departure through the closing of the accounts, the handover tasks, the warning and breach if any, to the
 * verified end. Read from the offboarding record, the process history and the account actions.
 */
@Repository
public class OffboardingTimeline {

    /** One step of the timeline. */
    public record Step(OffsetDateTime at, String step, String element, String actor, String detail) {
    }

    /** One offboarding with its steps. */
    public record Offboarding(String processInstanceId, OffsetDateTime departureTime, OffsetDateTime deadlineAt,
            OffsetDateTime breachedAt, OffsetDateTime completedAt, List<Step> steps) {
    }

    private final JdbcTemplate jdbc;
    private final ProcessHistory history;

    OffboardingTimeline(JdbcTemplate jdbc, ProcessHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Every offboarding of the streamer, oldest first, each with its steps in time order. */
    public List<Offboarding> of(String streamerId) {
        return jdbc.queryForList("select * from governance.offboardings where streamer_id = ? order by started_at", streamerId)
                .stream().map(this::offboarding).toList();
    }

    private Offboarding offboarding(Map<String, Object> row) {
        String processInstanceId = (String) row.get("process_instance_id");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(time(row, "departure_time"), "DEPARTURE", null, null, "the clock starts"));
        steps.add(new Step(time(row, "started_at"), "OFFBOARDING_STARTED", null, null, "deadline " + time(row, "deadline_at")));
        history.flush();
        jdbc.query("""
                select occurred_at, event_type, node_id, node_name, actor from governance.process_events
                where process_instance_id = ? and (event_type like 'TASK_%' or event_type like 'PROCESS_%'
                      or (event_type = 'NODE_LEFT' and node_id is not null))
                order by id""",
                rs -> {
                    steps.add(new Step(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("event_type"),
                            rs.getString("node_id"), rs.getString("actor"), rs.getString("node_name")));
                }, processInstanceId);
        jdbc.query("""
                select executed_at, action, account_id, actor from governance.account_actions
                where process_instance_id = ? order by executed_at""",
                rs -> {
                    steps.add(new Step(rs.getObject("executed_at", OffsetDateTime.class), "ACCOUNT_" + rs.getString("action"),
                            rs.getString("account_id"), rs.getString("actor"), null));
                }, processInstanceId);
        if (row.get("breached_at") != null) {
            steps.add(new Step(time(row, "breached_at"), "DEADLINE_BREACHED", null, null, "escalated to the director"));
        }
        steps.sort(Comparator.comparing(Step::at));
        return new Offboarding(processInstanceId, time(row, "departure_time"), time(row, "deadline_at"), time(row, "breached_at"),
                time(row, "completed_at"), steps);
    }

    private static OffsetDateTime time(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
