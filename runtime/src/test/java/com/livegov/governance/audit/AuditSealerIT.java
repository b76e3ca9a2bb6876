package com.livegov.governance.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A decision evaluated over the API is one row written with {@code awaiting_chain}; the sealer chains it. Here the
 * sealer runs every half second, and the tests read the database directly (a read of the trail over HTTP would
 * seal first, see {@code AuditTrailIT}):
 * <ul>
 * <li>the scheduled sealer chains an evaluation with its id, time, version, matched rules and caller;</li>
 * <li>sealers running at once (the schedule and four more threads, two application instances) chain each
 * evaluation exactly once, oldest first, and the chain stays intact;</li>
 * <li>an evaluation's row refuses every change and its removal, but for the sealer's clearing of its flag.</li>
 * </ul>
 */
class AuditSealerIT {

    private static String database;
    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        database = TestDatabase.newDatabase();
        app = RunningApp.start(database, "governance.audit.seal-interval=PT0.5S");
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void theScheduledSealerChainsAnApiEvaluationWithItsRecord() {
        long id = evaluate(app, 12.5);

        await().atMost(Duration.ofSeconds(15)).until(() -> !awaitingChain(id) && entryOf(id) != null);

        Map<String, Object> entry = entryOf(id);
        Map<String, Object> row = app.jdbc().queryForMap(
                "select decision, namespace, version, matched_rules::text as rules, evaluated_at from governance.decision_evaluations where id = ?", id);
        assertThat(entry).containsEntry("actor", "tester").containsEntry("target_kind", "DECISION").containsEntry("target_id", "TrafficAlert");
        JsonPath details = JsonPath.from((String) entry.get("details"));
        assertThat(details.getLong("evaluationId")).isEqualTo(id);
        assertThat(details.getString("decision")).isEqualTo(row.get("decision"));
        assertThat(details.getString("namespace")).isEqualTo(row.get("namespace"));
        assertThat(details.getString("version")).isEqualTo(row.get("version"));
        assertThat(details.getList("matchedRules")).isNotEmpty();
        assertThat("{" + String.join(",", details.<String>getList("matchedRules")) + "}").isEqualTo(row.get("rules"));
        assertThat(java.time.Instant.parse(details.getString("evaluatedAt")))
                .isEqualTo(((java.sql.Timestamp) row.get("evaluated_at")).toInstant());
    }

    @Test
    void sealersRunningAtOnceChainEachEvaluationOnceInOrder() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (RunningApp replica = RunningApp.start(database, "governance.audit.seal-interval=PT0.5S")) {
            for (int i = 0; i < 120; i++) {
                ids.add(evaluate(i % 2 == 0 ? app : replica, i % 25));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> sealed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                AuditSealer sealer = (t % 2 == 0 ? app : replica).bean(AuditSealer.class);
                sealed.add(pool.submit((Callable<Integer>) sealer::seal));
            }
            for (Future<Integer> future : sealed) {
                future.get();
            }
            pool.shutdown();
        }

        Long waiting = app.jdbc().queryForObject("select count(*) from governance.decision_evaluations where awaiting_chain", Long.class);
        assertThat(waiting).isZero();
        List<Long> chained = app.jdbc().queryForList("""
                select (details ->> 'evaluationId')::bigint from governance.audit_trail
                where action = 'DECISION_EVALUATED' and (details ->> 'evaluationId')::bigint = any(?) order by sequence""",
                Long.class, (Object) ids.toArray(Long[]::new));
        assertThat(chained).as("each evaluation chained once, oldest first").containsExactlyElementsOf(ids);
        JsonPath report = given(app.api()).get("/audit/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).as(report.prettify()).isTrue();
    }

    @Test
    void anEvaluationRecordIsNeverChangedOrRemovedBeyondTheSealersFlag() {
        long id = evaluate(app, 3);
        assertThatThrownBy(() -> app.jdbc().update("update governance.decision_evaluations set outputs = '{}'::jsonb where id = ?", id))
                .rootCause().hasMessageContaining("governance.decision_evaluations is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> app.jdbc().update("update governance.decision_evaluations set awaiting_chain = false, caller_id = 'someone' where id = ?", id))
                .rootCause().hasMessageContaining("append-only: UPDATE is not allowed");
        // the application's login may not delete at all (db/roles/application-role.sql); the trigger stops the owner
        assertThatThrownBy(() -> app.jdbc().update("delete from governance.decision_evaluations where id = ?", id))
                .rootCause().hasMessageContaining("permission denied for table decision_evaluations");

        await().atMost(Duration.ofSeconds(15)).until(() -> !awaitingChain(id));
        assertThatThrownBy(() -> app.jdbc().update("update governance.decision_evaluations set awaiting_chain = true where id = ?", id))
                .rootCause().hasMessageContaining("append-only: UPDATE is not allowed");
    }

    private static long evaluate(RunningApp on, double fanLossRate) {
        return given(on.api()).contentType(ContentType.JSON)
                .body(Map.of("fanLossRate", fanLossRate, "interactionDrop", 5, "otherAccountMentions", 0))
                .post("/decisions/TrafficAlert").then().statusCode(200).extract().jsonPath().getLong("evaluationId");
    }

    private static boolean awaitingChain(long id) {
        return app.jdbc().queryForObject("select awaiting_chain from governance.decision_evaluations where id = ?", Boolean.class, id);
    }

    private static Map<String, Object> entryOf(long id) {
        List<Map<String, Object>> entries = app.jdbc().queryForList("""
                select actor, target_kind, target_id, details::text as details from governance.audit_trail
                where action = 'DECISION_EVALUATED' and details ->> 'evaluationId' = ?""", String.valueOf(id));
        assertThat(entries).hasSizeLessThanOrEqualTo(1);
        return entries.isEmpty() ? null : entries.get(0);
    }
}
