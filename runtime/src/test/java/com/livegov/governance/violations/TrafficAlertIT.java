package com.livegov.governance.violations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /traffic-alerts} and {@code GET /traffic-alerts/{id}} over REST, on two application instances
 * sharing one database (as replicas would):
 * <ul>
 * <li>quiet metrics are stored as {@code NONE}, a fan loss between 5 and 10 % as {@code WATCH}; neither starts
 * anything;</li>
 * <li>a fan loss above 10 % is {@code INVESTIGATE}: a violation case opens with the metrics as evidence;</li>
 * <li>the same streamer and period posted again answers the first alert (200) and starts nothing more, also
 * when the posts arrive at once on both instances; the same period with other metrics is a conflict (409);</li>
 * <li>an unknown streamer answers 404, malformed metrics or JSON 400; nothing is stored or evaluated.</li>
 * </ul>
 */
class TrafficAlertIT {

    private static final String PERIOD_START = "2026-11-16T00:00:00Z";
    private static final String PERIOD_END = "2026-11-23T00:00:00Z";

    private static RunningApp app;
    private static RunningApp replica;

    @BeforeAll
    static void startApplications() {
        String database = TestDatabase.newDatabase();
        app = RunningApp.start(database);
        replica = RunningApp.start(database);
    }

    @AfterAll
    static void stopApplications() {
        replica.close();
        app.close();
    }

    private static String streamer() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live");
        return streamer;
    }

    /** Week metrics of the streamer. */
    private static Map<String, Object> metrics(String streamer, double fanLossRate) {
        Map<String, Object> metrics = new HashMap<>();
        metrics.put("streamerId", streamer);
        metrics.put("periodStart", PERIOD_START);
        metrics.put("periodEnd", PERIOD_END);
        metrics.put("fanLossRate", fanLossRate);
        metrics.put("interactionDrop", 3.5);
        metrics.put("otherAccountMentions", 0);
        return metrics;
    }

    private static Response post(RunningApp instance, Object body) {
        return given(instance.api()).queryParam("user", "traffic-monitor").queryParam("group", "monitoring")
                .body(body).when().post("/traffic-alerts");
    }

    private static long count(String sql, Object... arguments) {
        return app.jdbc().queryForObject(sql, Long.class, arguments);
    }

    private static long violationsOf(String streamer) {
        return count("select count(*) from governance.violations where streamer_id = ?", streamer);
    }

    @Test
    void quietMetricsAreStoredAsNoneAndStartNothing() {
        String streamer = streamer();

        Response created = post(app, metrics(streamer, 2.0));

        created.then().statusCode(201).header("Location", containsString("/traffic-alerts/"))
                .body("level", equalTo("NONE")).body("violationId", nullValue()).body("reportedBy", equalTo("traffic-monitor"));
        String alertId = created.path("alertId");
        given(replica.api()).get("/traffic-alerts/{id}", alertId).then().statusCode(200)
                .body("streamerId", equalTo(streamer)).body("level", equalTo("NONE"));
        long evaluation = created.jsonPath().getLong("decisionEvaluationId");
        assertThat(app.jdbc().queryForObject("select decision from governance.decision_evaluations where id = ?", String.class, evaluation))
                .isEqualTo("TrafficAlert");
        assertThat(violationsOf(streamer)).isZero();
    }

    @Test
    void aFanLossBetweenFiveAndTenPercentIsWatchedAndStartsNothing() {
        String streamer = streamer();

        post(app, metrics(streamer, 7.5)).then().statusCode(201).body("level", equalTo("WATCH")).body("violationId", nullValue());

        assertThat(count("select count(*) from governance.traffic_alerts where streamer_id = ?", streamer)).isEqualTo(1);
        assertThat(violationsOf(streamer)).isZero();
    }

    @Test
    void aFanLossAboveTenPercentOpensAViolationCaseWithTheMetricsAsEvidence() {
        String streamer = streamer();

        Response created = post(app, metrics(streamer, 12.5));

        created.then().statusCode(201).body("level", equalTo("INVESTIGATE"));
        String alertId = created.path("alertId");
        String violationId = created.path("violationId");
        JsonPath violation = given(app.api()).get("/violations/{id}", violationId).then().statusCode(200).extract().jsonPath();
        assertThat(violation.getString("streamerId")).isEqualTo(streamer);
        assertThat(violation.getString("source")).isEqualTo("TRAFFIC_ALERT");
        assertThat(violation.getString("sourceReference")).isEqualTo(alertId);
        assertThat(violation.getString("violationKind")).isEqualTo("INTERACTION_DECLINE");
        assertThat(violation.getDouble("evidence.metrics.fanLossRate")).isEqualTo(12.5);
        assertThat(violation.getString("evidence.periodStart")).isEqualTo(PERIOD_START);
        assertThat(violation.getString("severity")).as("more than 10 % of fans lost in a decline").isEqualTo("MODERATE");
        assertThat(violation.getList("approvals.action")).containsExactlyInAnyOrder("SUSPEND_LIVE", "DOWNGRADE_PERMISSIONS");
    }

    @Test
    void theSameAlertPostedAgainAnswersTheFirstAndOpensNoSecondCase() {
        String streamer = streamer();
        Response first = post(app, metrics(streamer, 12.5));
        first.then().statusCode(201);

        Map<String, Object> again = metrics(streamer, 12.50);
        again.put("periodStart", "2026-11-16T08:00:00+08:00");
        Response repeated = post(replica, again);

        repeated.then().statusCode(200)
                .body("alertId", equalTo(first.path("alertId"))).body("violationId", equalTo(first.path("violationId")));
        assertThat(violationsOf(streamer)).isEqualTo(1);
        assertThat(count("select count(*) from governance.traffic_alerts where streamer_id = ?", streamer)).isEqualTo(1);
    }

    @Test
    void theSameAlertPostedEightTimesAtOnceOnTwoInstancesOpensOneCase() throws Exception {
        String streamer = streamer();
        long evaluationsBefore = count("select count(*) from governance.decision_evaluations where decision = 'TrafficAlert'");
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Response>> posts = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RunningApp instance = i % 2 == 0 ? app : replica;
                Callable<Response> post = () -> {
                    gate.await();
                    return post(instance, metrics(streamer, 12.5));
                };
                posts.add(clients.submit(post));
            }
            gate.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> post : posts) {
                answers.add(post.get());
            }

            assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).filteredOn(status -> status == 201).hasSize(1);
            assertThat(answers).extracting(answer -> (String) answer.path("alertId")).containsOnly(answers.get(0).<String>path("alertId"));
            assertThat(answers).extracting(answer -> (String) answer.path("violationId")).doesNotContainNull()
                    .containsOnly(answers.get(0).<String>path("violationId"));
        } finally {
            clients.shutdownNow();
        }
        assertThat(violationsOf(streamer)).isEqualTo(1);
        assertThat(count("select count(*) from governance.traffic_alerts where streamer_id = ?", streamer)).isEqualTo(1);
        assertThat(count("select count(*) from governance.decision_evaluations where decision = 'TrafficAlert'"))
                .as("the posts that lost the race leave no evaluation behind").isEqualTo(evaluationsBefore + 1);
    }

    @Test
    void theSamePeriodWithOtherMetricsIsAConflictAndChangesNothing() {
        String streamer = streamer();
        String alertId = post(app, metrics(streamer, 12.5)).then().statusCode(201).extract().path("alertId");

        post(app, metrics(streamer, 3.0)).then().statusCode(409).body("detail", containsString(alertId));

        given(app.api()).get("/traffic-alerts/{id}", alertId).then().statusCode(200).body("level", equalTo("INVESTIGATE"));
        assertThat(violationsOf(streamer)).isEqualTo(1);
    }

    @Test
    void anUnknownStreamerAnswers404AndStoresNothing() {
        String nobody = "nobody-" + UUID.randomUUID();

        post(app, metrics(nobody, 12.5)).then().statusCode(404).body("detail", containsString(nobody)).body("field", equalTo("streamerId"));

        assertThat(count("select count(*) from governance.traffic_alerts where streamer_id = ?", nobody)).isZero();
    }

    @Test
    void anUnknownAlertAnswers404() {
        given(app.api()).get("/traffic-alerts/{id}", "no-such-alert").then().statusCode(404);
    }

    static Stream<Arguments> malformedMetrics() {
        return Stream.of(
                malformed("no fan loss rate", m -> m.remove("fanLossRate"), "fanLossRate"),
                malformed("a fan loss rate that is text", m -> m.put("fanLossRate", "high"), "fanLossRate"),
                malformed("a negative fan loss rate", m -> m.put("fanLossRate", -1.0), "fanLossRate"),
                malformed("a fan loss rate above 100 %", m -> m.put("fanLossRate", 150.0), "fanLossRate"),
                malformed("a fractional mention count", m -> m.put("otherAccountMentions", 1.5), "otherAccountMentions"),
                malformed("no streamer", m -> m.remove("streamerId"), "streamerId"),
                malformed("a period ending before it starts", m -> m.put("periodEnd", "2026-11-15T00:00:00Z"), "periodEnd"),
                malformed("a period start that is no date", m -> m.put("periodStart", "last monday"), "periodStart"),
                malformed("a field the alert does not have", m -> m.put("fanLoss", 12.5), "fanLoss"));
    }

    private static Arguments malformed(String what, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(Named.of(what, change), field);
    }

    @ParameterizedTest
    @MethodSource("malformedMetrics")
    void malformedMetricsAnswer400NamingTheFieldAndStoreNothing(Consumer<Map<String, Object>> change, String field) {
        String streamer = streamer();
        long evaluations = count("select count(*) from governance.decision_evaluations where decision = 'TrafficAlert'");
        Map<String, Object> metrics = metrics(streamer, 12.5);
        change.accept(metrics);

        post(app, metrics).then().statusCode(400).body("field", equalTo(field)).body("detail", containsString(field));

        assertThat(count("select count(*) from governance.traffic_alerts where streamer_id = ?", streamer)).isZero();
        assertThat(count("select count(*) from governance.decision_evaluations where decision = 'TrafficAlert'")).isEqualTo(evaluations);
        assertThat(violationsOf(streamer)).isZero();
    }

    @Test
    void malformedJsonAnswers400() throws IOException {
        try (InputStream truncated = TrafficAlertIT.class.getResourceAsStream("/traffic-alerts/truncated-body.json")) {
            post(app, truncated.readAllBytes()).then().statusCode(400).body("detail", containsString("JSON"));
        }
    }
}
