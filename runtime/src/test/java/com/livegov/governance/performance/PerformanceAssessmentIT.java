package com.livegov.governance.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.PageSession;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paths of {@code performanceAssessment.bpmn}, driven over the REST API against PostgreSQL and Kogito:
 * <ol>
 * <li>a met month: the ops-manager reviews it with a comment ({@code Task_ReviewPerformance}), no improvement case
 * ({@code Flow_PerfNoImprovementNeeded}, {@code End_PerformanceAssessed}); the streamer sees the comment;</li>
 * <li>a third weak month in a row opens the improvement case ({@code Task_OpenImprovementCase}); HR chooses a training
 * plan ({@code Flow_PerfTrainingOrRoleChange}, {@code End_ImprovementDecided}); the choice is recorded and audited;</li>
 * <li>a met month in between resets the count: weak, met, weak, weak is two weak months, no case;</li>
 * <li>a promotion version of the weights, in force for one month only, scores that month and no other;</li>
 * <li>a negotiated end ({@code Flow_PerfNegotiatedEnd}, {@code Task_StartNegotiatedEnd}) starts the offboarding with the
 * departure reason {@code MUTUAL_AGREEMENT};</li>
 * <li>bad scores (JSON and CSV) answer 400 naming every refused field and nothing is stored; a month is assessed once
 * (409); only the streamer's own ops-manager reviews the month;</li>
 * <li>who may read a streamer's record: HR, legal, admin, director, the streamer's own ops-manager and the streamer
 * (only their own).</li>
 * </ol>
 */
class PerformanceAssessmentIT {

    private static final String OPS_MANAGER = "mia";
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private static RunningApp app;
    private static ApprovalClient tasks;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        tasks = new ApprovalClient(app);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    /** One streamer's scores of a month, as the API takes them. */
    private record Scores(String traffic, String conversion, String retention, String service, String newProducts, String team,
            String target) {

        Map<String, Object> body(String streamerId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("streamerId", streamerId);
            body.put("trafficScore", new BigDecimal(traffic));
            body.put("conversionScore", new BigDecimal(conversion));
            body.put("retentionScore", new BigDecimal(retention));
            body.put("serviceScore", new BigDecimal(service));
            body.put("newProductConversionScore", newProducts == null ? null : new BigDecimal(newProducts));
            body.put("teamScore", new BigDecimal(team));
            body.put("target", new BigDecimal(target));
            return body;
        }
    }

    /** Individual 74.00, combined 74.30 (by hand: 80×0.30 + 70×0.35 + 60×0.20 + 90×0.15; ×0.70 + 75×0.30): met against 70. */
    private static final Scores MET = new Scores("80", "70", "60", "90", null, "75", "70");
    /** Individual 51.50, combined 54.05: missed against 70. */
    private static final Scores WEAK = new Scores("50", "40", "60", "70", null, "60", "70");
    /** MET's scores with new-product figures of 100: the same 74.30 under the standard weights. */
    private static final Scores WITH_NEW_PRODUCTS = new Scores("80", "70", "60", "90", "100", "75", "70");

    private static String streamer(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        app.bean(StreamerRegistry.class).register(new StreamerRegistry.Streamer(id, "Host " + id, "KEY", "ACTIVE", "beauty",
                LocalDate.of(2025, 1, 1), OPS_MANAGER));
        return id;
    }

    private static void load(String month, String streamerId, Scores scores) {
        given(app.as("hanna", "hr")).body(Map.of("figures", List.of(scores.body(streamerId))))
                .when().post("/performance-assessments/figures/{month}", month)
                .then().statusCode(200).body("loaded", equalTo(1));
    }

    /** Every other active streamer met the month (they belong to the other scenarios). */
    private static void othersMet(String month) {
        List<String> others = app.jdbc().queryForList("""
                select id from governance.streamers s where status = 'ACTIVE'
                and not exists (select 1 from governance.performance_figures f where f.month = ? and f.streamer_id = s.id)""",
                String.class, month);
        if (!others.isEmpty()) {
            given(app.as("hanna", "hr")).body(Map.of("figures", others.stream().map(MET::body).toList()))
                    .when().post("/performance-assessments/figures/{month}", month).then().statusCode(200);
        }
    }

    /** Assesses the month (HR's start) and answers the streamer's assessment id. */
    private static String assess(String month, String streamerId) {
        othersMet(month);
        given(app.as("hanna", "hr")).body(Map.of("month", month)).when().post("/performance-assessments")
                .then().statusCode(201).body("month", equalTo(month));
        return app.jdbc().queryForObject("select process_instance_id from governance.performance_assessments where month = ? and streamer_id = ?",
                String.class, month, streamerId);
    }

    private static void review(String id, String comment) {
        Map<String, Object> data = new HashMap<>();
        data.put("comment", comment);
        tasks.complete(tasks.awaitTaskOf(id, OPS_MANAGER, "ops-manager", "ReviewPerformance"), OPS_MANAGER, "ops-manager", data);
    }

    private static JsonPath record(RequestSpecification as, String streamerId) {
        return given(as).config(DECIMALS).when().get("/performance/{id}", streamerId).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> month(String streamerId, String month) {
        return app.jdbc().queryForMap("select * from governance.performance_assessments where streamer_id = ? and month = ?", streamerId, month);
    }

    private static List<String> awaitEnd(String id, String endEvent) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> tasks.nodesPassed(id), nodes -> nodes.contains(endEvent));
    }

    @Test
    void aMetMonthIsReviewedAndTheStreamerSeesTheOpsManagersComment() {
        String streamer = streamer("met");
        load("2025-02", streamer, MET);

        String id = assess("2025-02", streamer);
        review(id, "Strong interaction this month; keep the evening slots.");

        assertThat(awaitEnd(id, "End_PerformanceAssessed")).contains("Task_ScorePerformanceMonth", "Task_ReviewPerformance",
                "Task_RecordPerformanceReview").doesNotContain("Task_OpenImprovementCase");
        JsonPath own = record(app.as(streamer, "streamer"), streamer);
        assertThat(own.<BigDecimal>get("months[0].result.individualScore")).isEqualByComparingTo("74.00");
        assertThat(own.<BigDecimal>get("months[0].result.combinedScore")).isEqualByComparingTo("74.30");
        assertThat(own.getBoolean("months[0].result.targetMet")).isTrue();
        assertThat(own.getString("months[0].result.grade")).isEqualTo("C");
        assertThat(own.getString("months[0].review.comment")).isEqualTo("Strong interaction this month; keep the evening slots.");
        assertThat(own.getString("months[0].review.reviewedBy")).isEqualTo(OPS_MANAGER);
        assertThat(own.<Integer>get("months[0].decision.versionNumber")).isEqualTo(1);
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.decision_evaluations where caller_id = ? and decision = 'PerformanceScore'""",
                Integer.class, id)).as("the evaluation is recorded").isEqualTo(1);
        given(app.as("hanna", "hr")).body(Map.of("month", "2025-02")).when().post("/performance-assessments")
                .then().statusCode(409).body("detail", containsString("assessed already"));

        String page = PageSession.loggedIn(app, streamer, "streamer").get("/streamers/{id}", streamer).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Monthly performance", "74.30, grade C (adequate)", "Reviewed by mia",
                "Strong interaction this month; keep the evening slots.", "PerformanceScore version 1");
        String chinese = PageSession.loggedIn(app, streamer, "streamer").page().header("Accept-Language", "zh-CN")
                .get("/streamers/{id}", streamer).then().statusCode(200).extract().asString();
        assertThat(chinese).contains("月度绩效", "74.30，等级 C（合格）", "审核人：mia");
        assertThat(PageSession.loggedIn(app, "oskar", "ops").get("/streamers/{id}", streamer).then().statusCode(200).extract().asString())
                .as("staff outside the record's readers see the page without the record").doesNotContain("Monthly performance");
    }

    @Test
    void aThirdWeakMonthInARowOpensTheImprovementCaseAndHrsTrainingPlanIsRecorded() {
        String streamer = streamer("weak");
        for (String month : List.of("2025-04", "2025-05")) {
            load(month, streamer, WEAK);
            review(assess(month, streamer), null);
        }
        load("2025-06", streamer, WEAK);

        String id = assess("2025-06", streamer);
        assertThat(month(streamer, "2025-06").get("weak_months")).isEqualTo(3);
        review(id, "Third weak month: conversation scheduled.");
        Map<String, Object> decision = tasks.awaitTaskFor(id, "hr", "DecideImprovement");
        tasks.complete(decision, "helga", "hr", Map.of("choice", "TRAINING", "note", "Conversion training for four weeks"));

        assertThat(awaitEnd(id, "End_ImprovementDecided")).contains("Task_OpenImprovementCase", "Task_RecordImprovementDecision",
                "Task_CloseImprovementCase").doesNotContain("Task_StartNegotiatedEnd");
        JsonPath seen = record(app.as("lena", "legal"), streamer);
        assertThat(seen.getList("months.month")).containsExactly("2025-06", "2025-05", "2025-04");
        assertThat(seen.getList("months.result.weakMonths")).containsExactly(3, 2, 1);
        assertThat(seen.getBoolean("months[0].outcome.improvementCase")).isTrue();
        assertThat(seen.getString("months[0].outcome.choice")).isEqualTo("TRAINING");
        assertThat(seen.getString("months[0].outcome.decidedBy")).isEqualTo("helga");
        assertThat(seen.getString("months[0].outcome.offboardingId")).isNull();
        assertThat(seen.getBoolean("months[1].outcome.improvementCase")).isFalse();
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail where action = 'IMPROVEMENT_DECIDED' and actor = 'helga'
                and target_id = ? and details ->> 'choice' = 'TRAINING'""", Integer.class, streamer)).isEqualTo(1);
    }

    @Test
    void aMetMonthInBetweenResetsTheCount() {
        String streamer = streamer("reset");
        List<String> months = List.of("2025-08", "2025-09", "2025-10", "2025-11");
        List<Scores> scores = List.of(WEAK, MET, WEAK, WEAK);
        String last = null;
        for (int i = 0; i < months.size(); i++) {
            load(months.get(i), streamer, scores.get(i));
            last = assess(months.get(i), streamer);
        }
        review(last, "Second weak month after a good one.");

        assertThat(awaitEnd(last, "End_PerformanceAssessed")).doesNotContain("Task_OpenImprovementCase");
        JsonPath seen = record(app.as("dora", "director"), streamer);
        assertThat(seen.getList("months.result.weakMonths")).containsExactly(2, 1, 0, 1);
        assertThat(seen.getList("months.outcome.improvementCase")).containsOnly(false);
    }

    @Test
    void aPromotionVersionOfTheWeightsScoresOnlyItsOwnMonth() throws Exception {
        int promotion = approvePromotionWeights();
        String streamer = streamer("push");
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            load(month, streamer, WITH_NEW_PRODUCTS);
            assess(month, streamer);
        }

        JsonPath seen = record(app.as("hanna", "hr"), streamer);
        assertThat(seen.getList("months.month")).containsExactly("2026-03", "2026-02", "2026-01");
        assertThat(seen.getList("months.decision.versionNumber")).containsExactly(1, promotion, 1);
        // February, the push: 80×0.30 + 70×0.20 + 100×0.15 + 60×0.20 + 90×0.15 = 78.50; ×0.70 + 75×0.30 = 77.45
        assertThat(seen.<BigDecimal>get("months[1].result.individualScore")).isEqualByComparingTo("78.50");
        assertThat(seen.<BigDecimal>get("months[1].result.combinedScore")).isEqualByComparingTo("77.45");
        assertThat(seen.getString("months[1].result.grade")).isEqualTo("B");
        for (int i : new int[] {0, 2}) {
            assertThat(seen.<BigDecimal>get("months[" + i + "].result.combinedScore")).isEqualByComparingTo("74.30");
            assertThat(seen.getString("months[" + i + "].result.grade")).isEqualTo("C");
        }
    }

    /**
     * HR's push version: PerformanceWeights gives the new products' conversion 15 % (taken from conversion) when it is
     * measured. Drafted, checked, submitted and approved through the decision versions API by two HR owners, for a
     * period ahead (an owner cannot date a version back). The test then moves that period to February 2026 as the
     * database owner: the time that passes between approving a push ahead and assessing its month afterwards.
     */
    private static int approvePromotionWeights() throws IOException {
        RequestSpecification author = app.as("hanna", "hr");
        int number = given(author).when().post("/decision-models/PerformanceScore/drafts").then().statusCode(201).extract().path("number");
        String xml = given(author).accept("application/xml").when().get("/decision-models/PerformanceScore/versions/{n}/dmn", number)
                .then().statusCode(200).extract().asString();
        String pushed = xml.replace("<outputEntry id=\"Rule_NewProductMeasured_Out2\"><text>0.35</text>",
                "<outputEntry id=\"Rule_NewProductMeasured_Out2\"><text>0.20</text>")
                .replace("<outputEntry id=\"Rule_NewProductMeasured_Out3\"><text>0</text>",
                        "<outputEntry id=\"Rule_NewProductMeasured_Out3\"><text>0.15</text>");
        assertThat(pushed).isNotEqualTo(xml);
        String examples = resource("/performance/promotion.examples.csv");
        Map<String, Object> body = new HashMap<>();
        body.put("xml", pushed);
        body.put("examples", examples);
        given(author).body(body).when().put("/decision-models/PerformanceScore/versions/{n}", number)
                .then().statusCode(200).body("passed", equalTo(true));
        given(author).body(Map.of("text", "New-product push: new products' conversion weighs 15 %"))
                .when().post("/decision-models/PerformanceScore/versions/{n}/submit", number).then().statusCode(200);
        Map<String, Object> approval = new HashMap<>();
        approval.put("comment", "push period agreed with sales");
        approval.put("effectiveFrom", Instant.now().plus(Duration.ofDays(1)).toString());
        approval.put("effectiveUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        given(app.as("henrik", "hr")).body(approval).when().post("/decision-models/PerformanceScore/versions/{n}/approve", number)
                .then().statusCode(200);

        JdbcTemplate owner = new JdbcTemplate(app.owner());
        owner.execute("alter table governance.decision_versions disable trigger decision_versions_guard");
        try {
            owner.update("""
                    update governance.decision_versions set effective_from = '2026-02-01T00:00:00Z', effective_until = '2026-03-01T00:00:00Z'
                    where model = 'PerformanceScore' and number = ?""", number);
        } finally {
            owner.execute("alter table governance.decision_versions enable trigger decision_versions_guard");
        }
        owner.update("update governance.decision_catalog_revision set revision = revision + 1, changed_at = now() where id = 1");
        Map<String, Object> inputs = WITH_NEW_PRODUCTS.body("x");
        inputs.remove("streamerId");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given(app.as("hanna", "hr")).body(inputs).queryParam("asOf", "2026-02-15T00:00:00Z")
                        .when().post("/decisions/PerformanceScore").then().statusCode(200).extract().<Integer>path("versionNumber"),
                        version -> version == number);
        return number;
    }

    @Test
    void aNegotiatedEndStartsTheOffboardingWithMutualAgreement() {
        String streamer = streamer("end");
        for (String month : List.of("2026-05", "2026-06")) {
            load(month, streamer, WEAK);
            assess(month, streamer);
        }
        load("2026-07", streamer, WEAK);
        String id = assess("2026-07", streamer);
        review(id, null);
        Map<String, Object> decision = new HashMap<>();
        decision.put("choice", "NEGOTIATED_END");
        decision.put("note", "Agreed with the streamer after the conversation");
        decision.put("averageMonthlyIncome", 20000);
        decision.put("annualRevenue", 500000);
        decision.put("requestedNonCompeteMonths", 12);
        decision.put("ipInvestment", "COMPANY_FUNDED");
        tasks.complete(tasks.awaitTaskFor(id, "hr", "DecideImprovement"), "helga", "hr", decision);

        assertThat(awaitEnd(id, "End_ImprovementDecided")).contains("Task_StartNegotiatedEnd");
        String offboardingId = (String) month(streamer, "2026-07").get("offboarding_id");
        assertThat(offboardingId).isNotNull();
        given(app.as("hanna", "hr")).when().get("/streamerOffboarding/{id}", offboardingId).then().statusCode(200)
                .body("departureReason", equalTo("MUTUAL_AGREEMENT")).body("streamerId", equalTo(streamer))
                .body("initiatedBy", equalTo("helga"));
        assertThat(app.jdbc().queryForObject("select count(*) from governance.offboardings where streamer_id = ?", Integer.class, streamer))
                .isEqualTo(1);
        assertThat(record(app.as("hanna", "hr"), streamer).getString("months[0].outcome.choice")).isEqualTo("NEGOTIATED_END");
    }

    @Test
    void badScoresAnswer400NamingEveryRefusedFieldAndNothingIsStored() throws IOException {
        String streamer = streamer("bad");
        Map<String, Object> bad = new LinkedHashMap<>(MET.body(streamer));
        bad.put("trafficScore", new BigDecimal("100.5"));
        bad.put("conversionScore", "70");
        bad.put("retentionScore", new BigDecimal("-1"));
        bad.put("serviceScore", new BigDecimal("90.125"));
        bad.remove("target");
        bad.put("bonus", 3);
        int before = app.jdbc().queryForObject("select count(*) from governance.performance_figures", Integer.class);

        given(app.as("hanna", "hr")).body(Map.of("figures", List.of(MET.body(streamer + "-2"), bad)))
                .when().post("/performance-assessments/figures/2025-12")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("figures[1].trafficScore", "figures[1].conversionScore", "figures[1].retentionScore",
                        "figures[1].serviceScore", "figures[1].target", "figures[1].bonus"));
        given(app.as("hanna", "hr")).body(Map.of("figures", List.of(MET.body(streamer), MET.body("no-such-streamer"))))
                .when().post("/performance-assessments/figures/2025-12")
                .then().statusCode(400).body("errors.field", hasItems("figures[1].streamerId"));
        String csv = resource("/performance/scores-with-errors.csv").replace("STREAMER", streamer);
        given(app.as("hanna", "hr")).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/performance-assessments/figures/2025-12")
                .then().statusCode(400)
                .body("errors.code", hasItems("UNKNOWN_STREAMER", "SCORE_OUT_OF_RANGE", "NOT_A_SCORE", "SCORE_TOO_MANY_DECIMALS", "DUPLICATE"))
                .body("errors.column", hasItems("trafficScore", "conversionScore", "serviceScore", "target", "streamerId"));
        given(app.as("hanna", "hr")).body(Map.of("figures", List.of(MET.body(streamer))))
                .when().post("/performance-assessments/figures/2999-01").then().statusCode(400);

        assertThat(app.jdbc().queryForObject("select count(*) from governance.performance_figures", Integer.class)).isEqualTo(before);
        given(app.as("hanna", "hr")).body(Map.of("month", "2025-12")).when().post("/performance-assessments")
                .then().statusCode(400).body("detail", containsString("missing for"));
        assertThat(app.jdbc().queryForObject("select count(*) from governance.performance_runs where month = '2025-12'", Integer.class))
                .as("a refused start keeps nothing").isZero();
        given(app.as("hanna", "hr")).body(Map.of("month", "2030-01")).when().post("/performance-assessments").then().statusCode(400);
    }

    @Test
    void onlyTheStreamersOwnOpsManagerReviewsAndOnlyTheAllowedReadTheRecord() {
        String streamer = streamer("access");
        String other = streamer("other");
        load("2025-03", streamer, MET);
        String id = assess("2025-03", streamer);
        Map<String, Object> review = tasks.awaitTaskOf(id, OPS_MANAGER, "ops-manager", "ReviewPerformance");
        given(app.as("otto", "ops-manager")).queryParam("user", "otto").queryParam("group", "ops-manager")
                .body(Map.of("transitionId", "complete", "data", Map.of("comment", "not mine")))
                .when().post("/usertasks/instance/{id}/transition", (String) review.get("id"))
                .then().statusCode(403).body("detail", containsString("not the ops-manager of this streamer"));

        for (String reader : List.of("hr", "legal", "admin", "director")) {
            given(app.as("reader-" + reader, reader)).when().get("/performance/{id}", streamer).then().statusCode(200);
        }
        given(app.as(OPS_MANAGER, "ops-manager")).when().get("/performance/{id}", streamer).then().statusCode(200);
        given(app.as("otto", "ops-manager")).when().get("/performance/{id}", streamer).then().statusCode(403);
        given(app.as("oskar", "ops")).when().get("/performance/{id}", streamer).then().statusCode(403);
        given(app.as(streamer, "streamer")).when().get("/performance/{id}", streamer).then().statusCode(200);
        given(app.as(other, "streamer")).when().get("/performance/{id}", streamer).then().statusCode(403);
        given(app.anonymousApi()).when().get("/performance/{id}", streamer).then().statusCode(401);
        given(app.as("hanna", "hr")).when().get("/performance/{id}", "no-such-streamer").then().statusCode(404);
        given(app.as(OPS_MANAGER, "ops-manager")).body(Map.of("month", "2025-03")).when().post("/performance-assessments").then().statusCode(403);
        given(app.as(streamer, "streamer")).body(Map.of("figures", List.of(MET.body(streamer))))
                .when().post("/performance-assessments/figures/2025-03").then().statusCode(403);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PerformanceAssessmentIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
