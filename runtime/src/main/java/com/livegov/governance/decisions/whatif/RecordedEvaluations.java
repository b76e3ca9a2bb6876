package com.livegov.governance.decisions.whatif;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the most recent evaluations of one model version, newest first. The rows are streamed with a fetch size
 * inside a read-only transaction (PostgreSQL's driver fetches in batches only inside a transaction): a plain
 * snapshot read that locks no row and waits for no writer. For money decisions the streamer of each evaluation is
 * joined from the settlement payouts that reference it.
 */
@Repository
class RecordedEvaluations {

    static final int FETCH_SIZE = 500;

    private static final String RECENT = """
            select e.id, e.evaluated_at, e.inputs::text as inputs, e.outputs::text as outputs, e.matched_rules
            from governance.decision_evaluations e
            where e.decision = ? and e.version = ?
            order by e.id desc
            limit ?""";

    /** The same, with the streamer of the payout that references each evaluation (at most one in practice). */
    private static final String RECENT_WITH_STREAMERS = """
            with recent as materialized (
                select id, evaluated_at, inputs, outputs, matched_rules
                from governance.decision_evaluations
                where decision = ? and version = ?
                order by id desc
                limit ?),
            paid as (
                select p.decision_evaluation_id, min(p.streamer_id) as streamer_id
                from governance.commission_payouts p
                where p.decision_evaluation_id in (select id from recent)
                group by p.decision_evaluation_id)
            select r.id, r.evaluated_at, r.inputs::text as inputs, r.outputs::text as outputs, r.matched_rules, paid.streamer_id
            from recent r left join paid on paid.decision_evaluation_id = r.id
            order by r.id desc""";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ObjectReader json;

    RecordedEvaluations(DataSource dataSource, ObjectMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        // a transaction of the data source itself, so the query runs on its connection (auto-commit off: the driver
        // fetches in batches) and PostgreSQL is told the transaction is read-only
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transactions.setEnforceReadOnly(true);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** At most {@code limit} evaluations of the model's version, newest first. */
    List<RecordedEvaluation> recent(String decision, String version, int limit, boolean withStreamers) {
        return readOnly.execute(status -> {
            List<RecordedEvaluation> read = new ArrayList<>();
            jdbc.query(withStreamers ? RECENT_WITH_STREAMERS : RECENT,
                    rs -> {
                        read.add(evaluation(rs, withStreamers));
                    },
                    decision, version, limit);
            return read;
        });
    }

    private RecordedEvaluation evaluation(ResultSet rs, boolean withStreamer) throws SQLException {
        try {
            return new RecordedEvaluation(rs.getLong("id"), rs.getObject("evaluated_at", OffsetDateTime.class),
                    json.forType(MAP).readValue(rs.getString("inputs")), json.readTree(rs.getString("outputs")),
                    Arrays.asList((String[]) rs.getArray("matched_rules").getArray()),
                    withStreamer ? rs.getString("streamer_id") : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recorded evaluation " + rs.getLong("id") + " is not JSON", e);
        }
    }
}
