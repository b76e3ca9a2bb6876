package com.livegov.governance.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code permissionReview.bpmn}, driven over the REST API:
 * <ol>
 * <li>no active grant differs from the baseline: {@code Gateway_AnyDeviations} goes straight to
 * {@code Task_CloseReview}, {@code End_ReviewClosed};</li>
 * <li>deviations found: one {@code Task_ReviewPermissions} per ops-manager with deviations (none for an ops-manager
 * whose streamers match the baseline), inside {@code SubProcess_OpsManagerReview};</li>
 * <li>the ops-manager confirms every deviation: {@code Task_RecordAnswers} records it, nothing changes on the
 * accounts, the review closes;</li>
 * <li>the ops-manager requests a downgrade: an {@code accountActionApproval} with {@code DOWNGRADE_PERMISSIONS} starts,
 * requested by them, and once approved the grant is at the baseline;</li>
 * <li>the quarterly schedule (here every two seconds) starts the review of the quarter under way, once.</li>
 * </ol>
 * A review whose process instance is aborted stays on record as {@code ABORTED} and frees its quarter.
 * Refused: a request without its requester, with an unreadable or future quarter or a field it does not have
 * (400, nothing kept), a second review of a quarter (409, naming the first), an answer naming a deviation the task
 * does not list (400, the task stays open), an unknown review (404).
 *
 * <p>A review compares every active streamer of the company; each test first lets the streamers of the tests
 * before it leave (status {@code OFFBOARDED}), so it reviews its own streamers only. Each test reviews a quarter of
 * its own, since a quarter is reviewed once.
 */
class PermissionReviewIT {

    private static RunningApp app;
    private static ApprovalClient approvals;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        approvals = new ApprovalClient(app);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @BeforeEach
    void earlierStreamersHaveLeft() {
        app.jdbc().update("update governance.streamers set status = 'OFFBOARDED' where status = 'ACTIVE'");
    }

    @Test
    void reviewWithoutDeviationsClosesAtOnce() {
        String opsManager = user("mia");
        TestStreamers.streamerWithSubAccounts(app, id("key-host"), id("sub"));
        streamer(opsManager, "PARTNER", "MANAGEMENT", true);

        JsonPath review = given(app.api()).body(Map.of("startedBy", "olga", "quarter", "2024-Q1"))
                .when().post("/permission-reviews")
                .then().statusCode(201)
                .extract().jsonPath();

        assertThat(review.getString("status")).isEqualTo("COMPLETED");
        assertThat(review.getInt("streamersReviewed")).isEqualTo(2);
        assertThat(review.getInt("deviationsFound")).isZero();
        assertThat(review.getList("streamers.deviationsFound", Integer.class)).containsOnly(0);
        assertThat(approvals.nodesPassed(review.getString("id")))
                .containsSubsequence("Task_OpenReview", "Task_FindDeviations", "Gateway_AnyDeviations", "Task_CloseReview", "End_ReviewClosed")
                .doesNotContain("Task_ReviewPermissions");
    }

    @Test
    void runNowGivesEachOpsManagerWithDeviationsOneTaskListingTheirStreamers() {
        String ana = user("ana");
        String ben = user("ben");
        String cleo = user("cleo");
        String regularWithEverything = streamer(ana, "REGULAR", "MANAGEMENT", true);
        String keyExporting = streamer(ana, "KEY", "OPERATOR", true);
        String keyOnSuspendedAccount = streamer(ben, "KEY", "OPERATOR", false);
        app.jdbc().update("update governance.accounts set status = 'SUSPENDED' where id = ?", keyOnSuspendedAccount);
        String keyAsExpected = streamer(cleo, "KEY", "OPERATOR", false);

        String reviewId = startReview("2024-Q2");

        assertThat(reviewTasks(reviewId).keySet()).containsExactlyInAnyOrder(ana, ben);
        Map<String, Object> anasTask = onlyTask(reviewId, ana);
        assertThat(anasTask.get("potentialUsers")).asList().containsExactly(ana);
        assertThat(anasTask.get("potentialGroups")).asList().containsExactly("ops-manager");
        assertThat(anasTask).as("reserved for her from the start").containsEntry("actualOwner", ana);
        List<Map<String, Object>> anasList = deviationsIn(anasTask);
        assertThat(anasList).extracting(row -> row.get("number")).containsExactly(1, 2);
        assertThat(anasList).extracting(row -> row.get("accountId")).containsExactlyInAnyOrder(regularWithEverything, keyExporting);
        assertThat(deviationsIn(onlyTask(reviewId, ben))).singleElement()
                .satisfies(row -> assertThat(row.get("deviation")).isEqualTo("LEVEL_ABOVE_BASELINE, ACCOUNT_NOT_ACTIVE"));

        JsonPath review = review(reviewId);
        assertThat(review.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(review.getInt("streamersReviewed")).isEqualTo(4);
        assertThat(review.getInt("deviationsFound")).isEqualTo(3);
        assertThat(review.getInt("streamers.find { it.opsManager == '" + cleo + "' }.deviationsFound")).isZero();
        assertThat(finding(review, regularWithEverything).get("kinds")).asList()
                .containsExactly("LEVEL_ABOVE_BASELINE", "DATA_EXPORT_NOT_ALLOWED");
        assertThat(finding(review, regularWithEverything).get("expectedLevel")).isEqualTo("STREAMER_BASIC");
        assertThat(finding(review, keyExporting).get("kinds")).asList().containsExactly("DATA_EXPORT_NOT_ALLOWED");
        assertThat(finding(review, keyExporting).get("answer")).isNull();
        assertThat(review.getList("deviations.accountId")).doesNotContain(keyAsExpected);
        Integer baselineEvaluations = app.jdbc().queryForObject("""
                select count(*) from governance.decision_evaluations
                where decision = 'PermissionBaseline' and caller_kind = 'PROCESS' and caller_id = ?""", Integer.class, reviewId);
        assertThat(baselineEvaluations).as("one recorded evaluation per grant").isEqualTo(4);
    }

    @Test
    void confirmingEveryDeviationChangesNothingAndClosesTheReview() {
        String dan = user("dan");
        String account = streamer(dan, "INCUBATOR", "OPERATOR", true);
        String reviewId = startReview("2024-Q3");

        answer(onlyTask(reviewId, dan), dan, Map.of("downgrade", "", "comment", "runs the incubator's live-room checks this quarter"));

        JsonPath review = review(reviewId);
        assertThat(review.getString("status")).isEqualTo("COMPLETED");
        assertThat(finding(review, account)).containsEntry("answer", "CONFIRMED").containsEntry("answeredBy", dan)
                .containsEntry("comment", "runs the incubator's live-room checks this quarter").containsEntry("approval", null);
        assertThat(activeGrant(account)).containsEntry("level", "OPERATOR").containsEntry("data_export", true);
        assertThat(approvals.actionsOn(account)).as("no account action").isZero();
        assertThat(reviewTasks(reviewId)).isEmpty();
        assertThat(approvals.nodesPassed(reviewId)).containsSubsequence("Task_ReviewPermissions", "Task_RecordAnswers",
                "Task_CloseReview", "End_ReviewClosed");
    }

    @Test
    void requestedDowngradeGoesThroughTheApprovalAndLowersTheGrantToTheBaseline() {
        String eva = user("eva");
        String regularWithEverything = streamer(eva, "REGULAR", "MANAGEMENT", true);
        String keyExporting = streamer(eva, "KEY", "OPERATOR", true);
        String reviewId = startReview("2024-Q4");
        int number = ((Number) deviationsIn(onlyTask(reviewId, eva)).stream()
                .filter(row -> regularWithEverything.equals(row.get("accountId"))).findFirst().orElseThrow().get("number")).intValue();

        answer(onlyTask(reviewId, eva), eva, Map.of("downgrade", String.valueOf(number), "comment", "management rights were for the launch only"));

        Map<String, Object> downgrade = finding(review(reviewId), regularWithEverything);
        assertThat(downgrade).containsEntry("answer", "DOWNGRADE_REQUESTED").containsEntry("answeredBy", eva);
        Map<?, ?> approval = (Map<?, ?>) downgrade.get("approval");
        assertThat(approval.get("status")).isEqualTo("AWAITING_APPROVAL");
        String approvalId = (String) approval.get("processInstanceId");
        assertThat(finding(review(reviewId), keyExporting)).containsEntry("answer", "CONFIRMED").containsEntry("approval", null);
        assertThat(activeGrant(regularWithEverything)).as("unchanged until approved").containsEntry("level", "MANAGEMENT");

        Map<String, Object> firstLevel = approvals.awaitTaskFor(approvalId, "ops-manager");
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) firstLevel.get("inputs");
        assertThat(request).containsEntry("action", "DOWNGRADE_PERMISSIONS")
                .containsEntry("subject", regularWithEverything).containsEntry("requestedBy", eva);
        approvals.decide(firstLevel, "olga", "ops-manager", new Decision(true, "agreed, the launch is over"));
        approvals.decide(approvals.awaitTaskFor(approvalId, "director"), "dora", "director", new Decision(true, "approved"));

        assertThat(approvals.awaitEnded(approvalId)).containsSubsequence("Task_ExecuteAction", "End_Approved");
        assertThat(activeGrant(regularWithEverything)).containsEntry("level", "STREAMER_BASIC").containsEntry("data_export", false);
        assertThat(activeGrant(keyExporting)).as("confirmed, untouched").containsEntry("level", "OPERATOR").containsEntry("data_export", true);
        assertThat(app.jdbc().queryForObject("select approval_reference from governance.account_actions where account_id = ?",
                String.class, regularWithEverything)).isEqualTo(approvalId);
        Map<?, ?> executed = (Map<?, ?>) finding(review(reviewId), regularWithEverything).get("approval");
        assertThat(executed.get("status")).isEqualTo("DOWNGRADED");
        assertThat(executed.get("downgradedAt")).isNotNull();
        assertThat(review(reviewId).getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aQuarterIsReviewedOnce() {
        String fay = user("fay");
        streamer(fay, "REGULAR", "OPERATOR", false);
        String first = startReview("2023-Q1");

        given(app.api()).body(Map.of("startedBy", "olga", "quarter", "2023-Q1"))
                .when().post("/permission-reviews")
                .then().statusCode(409)
                .body("review", equalTo(first));

        assertThat(given(app.api()).queryParam("quarter", "2023-Q1").when().get("/permission-reviews")
                .then().statusCode(200).extract().jsonPath().getList("id")).containsExactly(first);
        assertThat(reviewTasks(first).get(fay)).hasSize(1);
    }

    @Test
    void anAbortedReviewStaysOnRecordAndFreesItsQuarter() {
        String hal = user("hal");
        streamer(hal, "REGULAR", "OPERATOR", false);
        String aborted = startReview("2023-Q3");
        onlyTask(aborted, hal);

        given(app.api()).when().delete("/" + PermissionReview.PROCESS_ID + "/{id}", aborted).then().statusCode(200);

        assertThat(review(aborted).getString("status")).isEqualTo("ABORTED");
        assertThat(reviewTasks(aborted)).as("the ops-manager's task went with it").isEmpty();
        String again = startReview("2023-Q3");
        assertThat(again).isNotEqualTo(aborted);
        assertThat(given(app.api()).queryParam("quarter", "2023-Q3").when().get("/permission-reviews")
                .then().statusCode(200).extract().jsonPath().getList("status")).containsExactly("IN_REVIEW", "ABORTED");
    }

    @Test
    void badStartRequestsAreRefusedAndKeepNothing() {
        long reviews = count("governance.permission_reviews");
        long instances = count("public.process_instances");

        refused(Map.of("startedBy", "olga", "quarter", "2022-Q5"), "2022-Q5");
        refused(Map.of("startedBy", "olga", "quarter", "2999-Q1"), "has not begun");
        refused(Map.of("startedBy", "olga", "quarter", "2022-Q1", "priority", "high"), "priority");
        given(app.api()).body(Map.of("startedBy", "olga", "quarter", "2022-Q7"))
                .when().post("/" + PermissionReview.PROCESS_ID)
                .then().statusCode(400)
                .body("detail", containsString("2022-Q7"));

        assertThat(count("governance.permission_reviews")).isEqualTo(reviews);
        assertThat(count("public.process_instances")).isEqualTo(instances);
        given(app.api()).when().get("/permission-reviews/{id}", "no-such-review")
                .then().statusCode(404);
    }

    @Test
    void anAnswerNamingADeviationNotOnTheListIsRefusedAndTheTaskStaysOpen() {
        String gil = user("gil");
        String account = streamer(gil, "STRATEGIC", "MANAGEMENT", false);
        String reviewId = startReview("2023-Q2");
        String taskId = (String) onlyTask(reviewId, gil).get("id");

        for (String answer : List.of("2", "1, x")) {
            given(app.api()).queryParam("user", gil).queryParam("group", "ops-manager")
                    .body(Map.of("transitionId", "complete", "data", Map.of("downgrade", answer, "comment", "downgrade it")))
                    .when().post("/usertasks/instance/{id}/transition", taskId)
                    .then().statusCode(400)
                    .body("title", equalTo("Invalid task submission"))
                    .body("errors.field", hasItem("downgrade"));
        }
        given(app.api()).queryParam("user", gil).queryParam("group", "ops-manager")
                .body(Map.of("downgrade", "5"))
                .when().put("/usertasks/instance/{id}/outputs", taskId)
                .then().statusCode(400)
                .body("errors.field", hasItem("downgrade"));
        given(app.api()).queryParam("user", gil).queryParam("group", "ops-manager")
                .body(Map.of("transitionId", "complete", "data", Map.of("downgrade", "1")))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(400)
                .body("errors.field", hasItem("comment"));

        assertThat(reviewTasks(reviewId).get(gil)).as("the task stays open").hasSize(1);
        assertThat(finding(review(reviewId), account).get("answer")).isNull();
        given(app.api()).queryParam("user", gil).queryParam("group", "ops-manager")
                .body(Map.of("transitionId", "complete", "data", Map.of("downgrade", "1", "comment", "operator rights are enough")))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(200);
        assertThat(finding(review(reviewId), account).get("answer")).isEqualTo("DOWNGRADE_REQUESTED");
    }

    @Test
    void quarterlyScheduleStartsTheReviewOfTheQuarterUnderWayOnce() {
        String database = TestDatabase.newDatabase();
        try (RunningApp scheduled = RunningApp.start(database,
                "governance.permission-review.schedule=*/2 * * * * *")) {
            String quarter = ReviewQuarter.current(ZoneId.of("UTC")).toString();

            Map<String, Object> review = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> reviewsOf(scheduled, quarter), reviews -> !reviews.isEmpty()).get(0);
            assertThat(review).containsEntry("startedBy", "schedule").containsEntry("status", "COMPLETED");

            OffsetDateTime started = OffsetDateTime.parse((String) review.get("startedAt"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> lastScheduledRun(scheduled), last -> last != null && last.isAfter(started.plusSeconds(1)));
            assertThat(reviewsOf(scheduled, quarter)).as("the quarter is reviewed once").hasSize(1);
        }
    }

    // --- the story's helpers ---

    /** A user id of this test run (a fresh ops-manager, so earlier tests' tasks do not count). */
    private static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Registers an active streamer of the ops-manager with one sub-account, and sets the grant on it as a back-office
     * user might have (the review's subject). Returns the account id.
     */
    private static String streamer(String opsManager, String tier, String level, boolean dataExport) {
        String streamerId = id(tier.toLowerCase() + "-host");
        String account = id("sub");
        StreamerRegistry registry = app.bean(StreamerRegistry.class);
        registry.register(new StreamerRegistry.Streamer(streamerId, "Host " + streamerId, tier, "ACTIVE", "beauty",
                LocalDate.of(2024, 1, 15), opsManager));
        registry.openSubAccount(account, "@" + account, streamerId, 1_000);
        app.jdbc().update("update governance.permission_grants set level = ?, data_export = ? where account_id = ? and revoked_at is null",
                level, dataExport, account);
        return account;
    }

    private static String startReview(String quarter) {
        return given(app.api()).body(Map.of("startedBy", "olga", "quarter", quarter))
                .when().post("/permission-reviews")
                .then().statusCode(201)
                .header("Location", containsString("/permission-reviews/"))
                .body("quarter", equalTo(quarter))
                .extract().path("id");
    }

    private static JsonPath review(String reviewId) {
        return given(app.api()).when().get("/permission-reviews/{id}", reviewId).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> finding(JsonPath review, String accountId) {
        return review.getMap("deviations.find { it.accountId == '" + accountId + "' }");
    }

    /** The open review tasks of the review, by the ops-manager they list the deviations of. */
    private static Map<String, List<Map<String, Object>>> reviewTasks(String reviewId) {
        List<Map<String, Object>> tasks = given(app.api())
                .queryParam("user", "someone-in-ops-manager").queryParam("group", "ops-manager")
                .when().get("/usertasks/instance")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        return tasks.stream()
                .filter(task -> reviewId.equals(((Map<?, ?>) task.get("metadata")).get("ProcessInstanceId")))
                .filter(task -> PermissionReview.REVIEW_TASK.equals(task.get("taskName")))
                .collect(Collectors.groupingBy(task -> (String) ((Map<?, ?>) task.get("inputs")).get("opsManager")));
    }

    private static Map<String, Object> onlyTask(String reviewId, String opsManager) {
        List<Map<String, Object>> tasks = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> reviewTasks(reviewId).getOrDefault(opsManager, List.of()), found -> !found.isEmpty());
        assertThat(tasks).as("review tasks of %s", opsManager).hasSize(1);
        return tasks.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deviationsIn(Map<String, Object> task) {
        Map<?, ?> list = (Map<?, ?>) ((Map<?, ?>) task.get("inputs")).get("deviationList");
        assertThat(list.get("count")).isEqualTo(((List<?>) list.get("items")).size());
        return (List<Map<String, Object>>) list.get("items");
    }

    /** The ops-manager completes their task (it is reserved for them from the start: no claim). */
    private static void answer(Map<String, Object> task, String opsManager, Map<String, Object> data) {
        given(app.api()).queryParam("user", opsManager).queryParam("group", "ops-manager")
                .body(Map.of("transitionId", "complete", "data", data))
                .when().post("/usertasks/instance/{id}/transition", task.get("id"))
                .then().statusCode(200);
    }

    private static Map<String, Object> activeGrant(String accountId) {
        return app.jdbc().queryForMap(
                "select level, data_export from governance.permission_grants where account_id = ? and revoked_at is null", accountId);
    }

    private static void refused(Map<String, Object> body, String detail) {
        given(app.api()).body(body)
                .when().post("/permission-reviews")
                .then().statusCode(400)
                .body("detail", containsString(detail));
    }

    private static long count(String table) {
        return app.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }

    private static List<Map<String, Object>> reviewsOf(RunningApp instance, String quarter) {
        return given(instance.api()).queryParam("quarter", quarter).when().get("/permission-reviews")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static OffsetDateTime lastScheduledRun(RunningApp instance) {
        return instance.jdbc().queryForObject("select max(last_success) from governance.scheduled_tasks where task_name = ?",
                OffsetDateTime.class, ReviewSchedule.TASK_NAME);
    }
}
