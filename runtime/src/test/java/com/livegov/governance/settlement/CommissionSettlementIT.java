package com.livegov.governance.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paths of {@code commissionSettlement.bpmn}, driven over the REST API:
 * <ol>
 * <li>a month within HR's authority: HR approves ({@code Task_ReviewSettlement}), no director
 * ({@code Flow_DirectorNotNeeded}), {@code End_Approved}, and the CSV export with every component exactly as
 * the CommissionSplit decision gave it; before the approval the export is refused (409);</li>
 * <li>a month above the PayoutApproval threshold: HR approves, then the director ({@code Task_ApproveLargePayouts});
 * the HR reviewer cannot approve as director;</li>
 * <li>HR rejects ({@code End_RejectedByHr}): the figures can be corrected and the month settled again;</li>
 * <li>the director rejects ({@code End_RejectedByDirector});</li>
 * <li>a month is settled once: a second start (also concurrent starts) answers 409 (Kogito's own start endpoint
 * 400), and the figures are frozen; an aborted settlement no longer holds its month;</li>
 * <li>bad figures, an unfinished month, missing figures: 400 and nothing kept; an unknown month: 404;</li>
 * <li>the monthly schedule, configured to run every second on two instances sharing one database, settles the
 * previous month once.</li>
 * </ol>
 */
class CommissionSettlementIT {

    private static final String HR = "hr";
    private static final String DIRECTOR = "director";
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

    /** One streamer's figures of a month, as the figures API takes them. */
    private record Figures(Object sales, Object target, Object trafficSales, Object profitPool) {

        Map<String, Object> body(String loadedBy) {
            Map<String, Object> body = new HashMap<>();
            body.put("sales", sales);
            body.put("target", target);
            body.put("trafficSales", trafficSales);
            body.put("profitPool", profitPool);
            body.put("loadedBy", loadedBy);
            return body;
        }
    }

    private static final Figures NOTHING_SOLD = new Figures(0, 0, 0, null);

    /** A KEY streamer (TestStreamers: started 2025-03-01, so no dividend in 2025). */
    private static String keyStreamer() {
        String streamer = "key-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live");
        return streamer;
    }

    /** An active streamer of the tier, cooperating since the date. */
    private static String streamer(String tier, LocalDate startedOn) {
        String streamer = tier.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        app.bean(StreamerRegistry.class).register(new StreamerRegistry.Streamer(streamer, "Host " + streamer, tier, "ACTIVE", "beauty",
                startedOn, "mia"));
        return streamer;
    }

    private static void load(String month, String streamer, Figures figures) {
        given(app.api()).body(figures.body("fiona"))
                .when().put("/commission-settlements/figures/{month}/{streamer}", month, streamer)
                .then().statusCode(200);
    }

    /** The streamers of the other scenarios are active too: they sold nothing this month. */
    private static void nothingSoldByTheOthers(String month) {
        List<String> others = app.jdbc().queryForList("""
                select id from governance.streamers s where status = 'ACTIVE'
                and not exists (select 1 from governance.commission_figures f where f.month = ? and f.streamer_id = s.id)""",
                String.class, month);
        if (others.isEmpty()) {
            return;
        }
        List<Map<String, Object>> figures = others.stream().map(id -> {
            Map<String, Object> entry = NOTHING_SOLD.body(null);
            entry.remove("loadedBy");
            entry.put("streamerId", id);
            return entry;
        }).toList();
        given(app.api()).body(Map.of("loadedBy", "fiona", "figures", figures))
                .when().post("/commission-settlements/figures/{month}", month)
                .then().statusCode(200).body("loaded", equalTo(others.size()));
    }

    private static Response start(String month) {
        return given(app.api()).body(Map.of("month", month, "startedBy", "hanna")).when().post("/commission-settlements");
    }

    private static String started(String month) {
        return start(month).then().statusCode(201).extract().path("processInstanceId");
    }

    private static JsonPath settlement(String month) {
        return given(app.api()).config(DECIMALS).when().get("/commission-settlements/{month}", month)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Response csv(String month) {
        return given(app.api()).accept("text/csv").when().get("/commission-settlements/{month}/payouts.csv", month);
    }

    private static void decide(String id, String group, String taskName, String user, boolean approved, String comment) {
        tasks.complete(tasks.awaitTaskFor(id, group, taskName), user, group, Map.of("approved", approved, "comment", comment));
    }

    private static List<String> awaitEnd(String id, String endEvent) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> tasks.nodesPassed(id), nodes -> nodes.contains(endEvent));
    }

    private static String commissionSplitVersion() {
        return given(app.api()).when().get("/decisions").then().statusCode(200)
                .extract().path("find { it.name == 'CommissionSplit' }.version");
    }

    @Test
    void monthWithinHrAuthorityIsApprovedByHrAloneAndExportedAsCsv() {
        String month = "2025-06";
        String key = keyStreamer();
        String strategic = streamer("STRATEGIC", LocalDate.of(2023, 7, 1));
        load(month, key, new Figures(100000, 80000, 10000, null));
        load(month, strategic, new Figures(new BigDecimal("80000"), 80000, 20000, 500000));
        nothingSoldByTheOthers(month);

        String id = started(month);

        JsonPath inReview = settlement(month);
        assertThat(inReview.getString("status")).isEqualTo("IN_HR_REVIEW");
        assertThat(inReview.getBoolean("directorApproval.required")).isFalse();
        assertThat(inReview.getString("directorApproval.reason")).isEqualTo("WITHIN_HR_AUTHORITY");
        assertThat(inReview.<BigDecimal>get("payouts.find { it.streamerId == '" + key + "' }.split.excessAmount"))
                .isEqualTo(new BigDecimal("6400.00"));
        assertThat(inReview.<Integer>get("payouts.find { it.streamerId == '" + strategic + "' }.cooperationMonths"))
                .as("2023-07-01 to the end of 2025-06").isEqualTo(24);
        csv(month).then().statusCode(409).body("detail", containsString("IN_HR_REVIEW"));

        decide(id, HR, "ReviewCommissionSettlement", "helga", true, "matches the sales report");

        assertThat(awaitEnd(id, "End_Approved")).contains("Task_RecordHrReview", "Task_ApprovePayouts")
                .doesNotContain("Task_ApproveLargePayouts");
        JsonPath approved = settlement(month);
        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getString("hrReview.reviewedBy")).isEqualTo("helga");
        assertThat(approved.getString("hrReview.comment")).isEqualTo("matches the sales report");
        String version = commissionSplitVersion();
        List<String> lines = csv(month).then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("streamer,tier,base,excess,traffic_contribution,dividend,total,decision_version,"
                + "hr_approved_by,hr_approved_at,director_approved_by,director_approved_at");
        String reviewedAt = app.jdbc().queryForObject("select hr_reviewed_at from governance.commission_settlements where process_instance_id = ?",
                OffsetDateTime.class, id).withOffsetSameInstant(ZoneOffset.UTC).toString();
        assertThat(lines).contains(
                key + ",KEY,18000.00,6400.00,600.00,0,25000.00," + version + ",helga," + reviewedAt + ",not required,not required",
                strategic + ",STRATEGIC,16000.00,0.00,1600.00,20000.00,37600.00," + version + ",helga," + reviewedAt + ",not required,not required");
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.decision_evaluations where caller_id = ? and decision = 'CommissionSplit'""",
                Integer.class, id)).as("one recorded evaluation per payout").isEqualTo(approved.getInt("payoutCount"));
        assertThat(app.jdbc().queryForObject("""
                select approval_evaluation_id = (select id from governance.decision_evaluations where caller_id = ? and decision = 'PayoutApproval')
                from governance.commission_settlements where process_instance_id = ?""", Boolean.class, id, id))
                .as("the threshold decision is referenced").isTrue();
    }

    @Test
    void monthAboveTheThresholdIsApprovedByHrThenByTheDirector() {
        String month = "2025-07";
        String strategic = streamer("STRATEGIC", LocalDate.of(2024, 1, 15));
        load(month, strategic, new Figures(300000, 200000, 0, null));
        nothingSoldByTheOthers(month);

        String id = started(month);
        assertThat(settlement(month).getString("directorApproval.reason")).isEqualTo("LARGE_SINGLE_PAYOUT");
        decide(id, HR, "ReviewCommissionSettlement", "helga", true, "large month, figures checked");

        Map<String, Object> directorTask = tasks.awaitTaskFor(id, DIRECTOR, "ApproveLargePayouts");
        assertThat(settlement(month).getString("status")).isEqualTo("AWAITING_DIRECTOR");
        csv(month).then().statusCode(409);
        given(app.api()).queryParam("user", "helga").queryParam("group", DIRECTOR).body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", directorTask.get("id"))
                .then().statusCode(403).body("detail", containsString("reviewed this settlement for HR"));
        tasks.complete(directorTask, "dora", DIRECTOR, Map.of("approved", true, "comment", "approved for the record month"));

        assertThat(awaitEnd(id, "End_Approved")).containsSubsequence("Task_ReviewSettlement", "Task_ApproveLargePayouts",
                "Task_RecordDirectorDecision", "Task_ApprovePayouts");
        JsonPath approved = settlement(month);
        assertThat(approved.getString("directorApproval.decidedBy")).isEqualTo("dora");
        assertThat(approved.getBoolean("directorApproval.approved")).isTrue();
        String line = csv(month).then().statusCode(200).extract().asString().lines()
                .filter(row -> row.startsWith(strategic + ",")).findFirst().orElseThrow();
        assertThat(line).startsWith(strategic + ",STRATEGIC,60000.00,35000.00,0.00,0,95000.00,")
                .contains(",helga,").contains(",dora,").doesNotContain("not required");
    }

    @Test
    void hrRejectsAndTheMonthIsSettledAgainWithCorrectedFigures() {
        String month = "2025-08";
        String key = keyStreamer();
        load(month, key, new Figures(100000, 80000, 0, null));
        nothingSoldByTheOthers(month);
        String first = started(month);

        decide(first, HR, "ReviewCommissionSettlement", "helga", false, "sales include returned orders");

        assertThat(awaitEnd(first, "End_RejectedByHr")).doesNotContain("Task_ApprovePayouts", "Task_ApproveLargePayouts");
        assertThat(settlement(month).getString("status")).isEqualTo("REJECTED_BY_HR");
        assertThat(settlement(month).getString("hrReview.comment")).isEqualTo("sales include returned orders");
        csv(month).then().statusCode(409).body("detail", containsString("REJECTED_BY_HR"));

        load(month, key, new Figures(90000, 80000, 0, null));
        String second = started(month);

        JsonPath again = settlement(month);
        assertThat(again.getString("processInstanceId")).isEqualTo(second);
        assertThat(again.getString("status")).isEqualTo("IN_HR_REVIEW");
        assertThat(again.<BigDecimal>get("payouts.find { it.streamerId == '" + key + "' }.split.baseAmount"))
                .isEqualTo(new BigDecimal("16200.00"));
        assertThat(again.getList("earlierAttempts.processInstanceId")).containsExactly(first);
        assertThat(again.getList("earlierAttempts.status")).containsExactly("REJECTED_BY_HR");
    }

    @Test
    void directorRejectsTheLargePayouts() {
        String month = "2025-09";
        String partner = streamer("PARTNER", LocalDate.of(2025, 1, 1));
        load(month, partner, new Figures(250000, 100000, 0, null));
        nothingSoldByTheOthers(month);
        String id = started(month);

        decide(id, HR, "ReviewCommissionSettlement", "helga", true, "computed as agreed");
        decide(id, DIRECTOR, "ApproveLargePayouts", "dora", false, "the partner contract is being renegotiated");

        assertThat(awaitEnd(id, "End_RejectedByDirector")).doesNotContain("Task_ApprovePayouts");
        JsonPath rejected = settlement(month);
        assertThat(rejected.getString("status")).isEqualTo("REJECTED_BY_DIRECTOR");
        assertThat(rejected.getString("directorApproval.comment")).isEqualTo("the partner contract is being renegotiated");
        csv(month).then().statusCode(409);
    }

    @Test
    void aMonthIsSettledOnceAndItsFiguresAreFrozen() throws Exception {
        String month = "2025-10";
        String key = keyStreamer();
        load(month, key, new Figures(1000, 500, 0, null));
        nothingSoldByTheOthers(month);
        String id = started(month);

        start(month).then().statusCode(409).body("detail", containsString(id));
        given(app.api()).body(Map.of("month", month, "startedBy", "hanna")).when().post("/" + CommissionSettlement.PROCESS_ID)
                .then().statusCode(400).body("detail", containsString("already being settled"));
        given(app.api()).body(new Figures(2000, 500, 0, null).body("fiona"))
                .when().put("/commission-settlements/figures/{month}/{streamer}", month, key)
                .then().statusCode(409).body("detail", containsString("frozen"));

        String concurrentMonth = "2025-11";
        load(concurrentMonth, key, new Figures(1000, 500, 0, null));
        nothingSoldByTheOthers(concurrentMonth);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> call = () -> start(concurrentMonth).statusCode();
                answers.add(clients.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            clients.shutdownNow();
        }
        assertThat(app.jdbc().queryForObject("select count(*) from governance.commission_settlements where month = ?",
                Integer.class, concurrentMonth)).isEqualTo(1);
    }

    @Test
    void anAbortedSettlementNoLongerHoldsItsMonth() {
        String month = "2025-12";
        String key = keyStreamer();
        load(month, key, new Figures(5000, 1000, 0, null));
        nothingSoldByTheOthers(month);
        String aborted = started(month);

        given(app.api()).when().delete("/" + CommissionSettlement.PROCESS_ID + "/{id}", aborted).then().statusCode(200);

        assertThat(settlement(month).getString("status")).isEqualTo("ABORTED");
        String again = started(month);
        JsonPath current = settlement(month);
        assertThat(current.getString("processInstanceId")).isEqualTo(again);
        assertThat(current.getList("earlierAttempts.status")).containsExactly("ABORTED");
    }

    @Test
    void badFiguresAreRefusedWithEveryFieldAndNothingIsLoaded() {
        String month = "2025-05";
        String key = keyStreamer();
        Map<String, Object> bad = new Figures(-1, null, "12", new BigDecimal("0.001")).body("fiona");
        bad.put("bonus", 5);

        given(app.api()).body(bad).when().put("/commission-settlements/figures/{month}/{streamer}", month, key)
                .then().statusCode(400)
                .body("errors.field", hasItems("sales", "target", "trafficSales", "profitPool", "bonus"));
        given(app.api()).body(new Figures(1, 1, 1, null).body("fiona"))
                .when().put("/commission-settlements/figures/{month}/{streamer}", month, "nobody")
                .then().statusCode(400).body("detail", containsString("nobody"));
        given(app.api()).body(new Figures(1, 1, 1, null).body("fiona"))
                .when().put("/commission-settlements/figures/{month}/{streamer}", "2025-13", key)
                .then().statusCode(400);
        given(app.api()).body(new Figures(1, 1, 1, null).body("fiona"))
                .when().put("/commission-settlements/figures/{month}/{streamer}", YearMonth.now(ZoneOffset.UTC).plusMonths(2).toString(), key)
                .then().statusCode(400).body("detail", containsString("has not begun"));
        Map<String, Object> good = Map.of("streamerId", key, "sales", 1, "target", 1, "trafficSales", 1);
        Map<String, Object> negative = Map.of("streamerId", key + "-other", "sales", -5, "target", 1, "trafficSales", 1);
        given(app.api()).body(Map.of("loadedBy", "fiona", "figures", List.of(good, negative)))
                .when().post("/commission-settlements/figures/{month}", month)
                .then().statusCode(400).body("errors.field", hasItems("figures[1].sales"));

        given(app.api()).when().get("/commission-settlements/figures/{month}", month)
                .then().statusCode(200).body("figures.streamerId", not(hasItems(key)));
    }

    @Test
    void monthThatCannotBeSettledIsRefusedAndNothingIsKept() {
        String month = "2025-04";
        nothingSoldByTheOthers(month);
        String withoutFigures = keyStreamer();

        start(month).then().statusCode(400).body("detail", containsString("missing for " + withoutFigures));
        start(YearMonth.now(ZoneOffset.UTC).toString()).then().statusCode(400).body("detail", containsString("has not ended"));
        start("October").then().statusCode(400).body("detail", containsString("yyyy-MM"));

        assertThat(app.jdbc().queryForObject("select count(*) from governance.commission_settlements where month = ?", Integer.class, month))
                .isZero();
        assertThat(app.jdbc().queryForObject("""
                select count(*) from process_instances p where p.process_id = ?
                and not exists (select 1 from governance.commission_settlements s where s.process_instance_id = trim(p.id))""",
                Integer.class, CommissionSettlement.PROCESS_ID)).as("no process instance without its settlement").isZero();
        given(app.api()).when().get("/commission-settlements/{month}", month).then().statusCode(404);
        csv(month).then().statusCode(404).body("detail", containsString(month));
    }

    @Test
    void monthlyScheduleSettlesThePreviousMonthOnceOnTwoInstances() {
        String db = TestDatabase.newDatabase();
        String[] everySecond = { "governance.settlement.schedule=* * * * * *" };
        try (RunningApp first = RunningApp.start(db, everySecond); RunningApp second = RunningApp.start(db, everySecond)) {
            String previousMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
            String streamer = "scheduled-" + UUID.randomUUID().toString().substring(0, 8);
            TestStreamers.streamerWithSubAccounts(first, streamer, streamer + "-live");
            given(first.api()).body(new Figures(100000, 80000, 0, null).body("fiona"))
                    .when().put("/commission-settlements/figures/{month}/{streamer}", previousMonth, streamer)
                    .then().statusCode(200);

            String id = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> first.jdbc().queryForList("""
                            select process_instance_id from governance.commission_settlements where month = ? and started_by = 'schedule'""",
                            String.class, previousMonth), ids -> !ids.isEmpty()).get(0);
            ApprovalClient firstTasks = new ApprovalClient(first);
            assertThat(firstTasks.awaitTaskFor(id, HR, "ReviewCommissionSettlement").get("taskName")).isEqualTo("ReviewCommissionSettlement");
            // the schedule keeps running every second on both instances: each later run finds the month being settled
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> first.jdbc().queryForObject(
                    "select count(*) from governance.commission_settlements where month = ?", Integer.class, previousMonth) == 1);
            assertThat(first.jdbc().queryForObject("select count(*) from governance.scheduled_tasks where task_name = ?", Integer.class,
                    SettlementSchedule.TASK_NAME))
                    .as("one schedule for both instances").isEqualTo(1);
        }
    }
}
