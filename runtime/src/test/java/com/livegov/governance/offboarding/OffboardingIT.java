package com.livegov.governance.offboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import com.livegov.governance.support.TimerTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paths of {@code streamerOffboarding.bpmn}, driven over the REST API:
 * <ol>
 * <li>a departure recorded 3 hours late leaves a 21-hour deadline, and every account is closed in the start
 * request itself ({@code Task_CloseAccounts});</li>
 * <li>the four handover tasks finished in time: {@code Task_VerifyClosed}, {@code End_Offboarded}, the timers
 * cancelled, the timeline with every step and actor;</li>
 * <li>a late handover: the warning ({@code Timer_DeadlineWarning}) reaches the ops-manager, the deadline
 * ({@code Timer_Deadline}) records a breach and the director reviews it;</li>
 * <li>an unknown streamer, or data the terms decision refuses, is refused with 400 and nothing is kept (no
 * account closed).</li>
 * </ol>
 */
class OffboardingIT {

    private static RunningApp app;
    private static ApprovalClient tasks;
    private static TimerTable timers;

    @BeforeAll
    static void startApplication() {
        String db = TestDatabase.newDatabase();
        app = RunningApp.start(db);
        tasks = new ApprovalClient(app);
        timers = new TimerTable(db);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    /** A streamer with two sub-accounts; returns the streamer id. */
    private static String streamerWithTwoAccounts() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live", streamer + "-shop");
        return streamer;
    }

    private static Map<String, Object> departure(String streamer, Instant at, Map<String, String> deadlines) {
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", streamer);
        start.put("departureTime", at.toString());
        start.put("departureReason", "RESIGNATION");
        start.put("initiatedBy", "hanna");
        start.put("requestedNonCompeteMonths", 18);
        start.put("averageMonthlyIncome", 20000.0);
        start.put("annualRevenue", 500000.0);
        start.put("ipInvestment", "COMPANY_FUNDED");
        start.put("requestedDeadlines", deadlines);
        return start;
    }

    private static String start(Map<String, Object> body) {
        return given(app.api()).body(body).when().post("/" + StreamerOffboarding.PROCESS_ID)
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> openAccounts(String streamer) {
        return app.jdbc().queryForList("select id from governance.accounts where authorized_streamer = ? and status <> 'DISABLED'",
                String.class, streamer);
    }

    private static void finishHandover(String id) {
        tasks.complete(tasks.awaitTaskFor(id, "legal", "PreserveEvidence"), "lena", "legal", Map.of("evidenceReference", "ARCHIVE-2026-118"));
        tasks.complete(tasks.awaitTaskFor(id, "legal", "NonCompeteNotice"), "lena", "legal", Map.of("noticeReference", "LETTER-7731"));
        tasks.complete(tasks.awaitTaskFor(id, "ops", "TransferTraffic"), "otto", "ops", Map.of("trafficTarget", "main"));
        tasks.complete(tasks.awaitTaskFor(id, "hr", "SettleCommission"), "hanna", "hr", Map.of("settlementReference", "SETTLEMENT-2026-11"));
    }

    @Test
    void departureRecordedThreeHoursLateLeavesTwentyOneHoursAndClosesEveryAccountAtOnce() {
        String streamer = streamerWithTwoAccounts();
        Instant departedAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

        long before = System.nanoTime();
        String id = start(departure(streamer, departedAt, null));
        Duration startToClosed = Duration.ofNanos(System.nanoTime() - before);

        assertThat(openAccounts(streamer)).as("closed by the start request itself").isEmpty();
        assertThat(startToClosed).isLessThan(Duration.ofSeconds(5));
        assertThat(app.bean(StreamerRegistry.class).grantsOf(streamer)).allSatisfy(grant -> assertThat(grant.get("revoked_at")).isNotNull());
        OffsetDateTime deadline = app.jdbc().queryForObject(
                "select deadline_at from governance.offboardings where process_instance_id = ?", OffsetDateTime.class, id);
        assertThat(deadline.toInstant()).isEqualTo(departedAt.plus(Duration.ofHours(24)));
        Instant in21Hours = Instant.now().plus(Duration.ofHours(21));
        assertThat(timers.pendingFor(id)).as("warning in 17 h, deadline in 21 h").hasSize(2)
                .anySatisfy(due -> assertThat(due).isBetween(in21Hours.minus(Duration.ofMinutes(2)), in21Hours.plus(Duration.ofMinutes(2))));
    }

    @Test
    void handoverFinishedInTimeEndsVerifiedWithAFullTimeline() {
        String streamer = streamerWithTwoAccounts();
        String id = start(departure(streamer, Instant.now(), null));

        finishHandover(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> "OFFBOARDED".equals(
                app.jdbc().queryForObject("select status from governance.streamers where id = ?", String.class, streamer)));
        assertThat(timers.pendingFor(id)).as("warning and deadline cancelled").isEmpty();
        List<Map<String, Object>> steps = given(app.api()).get("/offboarding/{streamer}/timeline", streamer)
                .then().statusCode(200).extract().jsonPath().getList("offboardings[0].steps");
        assertThat(steps).extracting(step -> step.get("step"))
                .contains("DEPARTURE", "OFFBOARDING_STARTED", "ACCOUNT_DISABLE", "ACCOUNT_ROTATE_STREAM_KEY", "TASK_COMPLETED", "PROCESS_COMPLETED")
                .doesNotContain("DEADLINE_BREACHED");
        assertThat(steps).filteredOn(step -> "TASK_COMPLETED".equals(step.get("step")))
                .extracting(step -> step.get("actor")).contains("lena", "otto", "hanna");
        assertThat(steps).filteredOn(step -> "Task_VerifyClosed".equals(step.get("element"))).isNotEmpty();
        given(app.api()).get("/history/streamers/{streamer}", streamer).then().statusCode(200)
                .body("processInstanceId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(id)))
                .body("nodeId", org.hamcrest.Matchers.hasItems("Task_CloseAccounts", "End_Offboarded"));
    }

    @Test
    void lateHandoverWarnsTheOpsManagerAndAtTheDeadlineTheDirectorReviewsTheBreach() {
        String streamer = streamerWithTwoAccounts();
        String id = start(departure(streamer, Instant.now(), Map.of("warningAfter", "PT2S", "deadlineAfter", "PT4S")));

        tasks.complete(tasks.awaitTaskFor(id, "ops-manager", "DeadlineWarning"), "mia", "ops-manager", Map.of("warningNote", "called legal twice"));
        Map<String, Object> review = tasks.awaitTaskFor(id, "director", "ReviewBreach");
        assertThat(review.get("taskName")).isEqualTo("ReviewBreach");
        assertThat(app.jdbc().queryForObject("select breached_at is not null from governance.offboardings where process_instance_id = ?",
                Boolean.class, id)).isTrue();
        tasks.complete(review, "dora", "director", Map.of("breachDecision", "ESCALATE_TO_LEGAL"));
        finishHandover(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> "OFFBOARDED".equals(
                app.jdbc().queryForObject("select status from governance.streamers where id = ?", String.class, streamer)));
        given(app.api()).get("/offboarding/{streamer}/timeline", streamer).then().statusCode(200)
                .body("offboardings[0].steps.step", org.hamcrest.Matchers.hasItem("DEADLINE_BREACHED"));
    }

    @Test
    void aNegativeIncomeIsRefusedByTheTermsDecisionAndNoAccountIsClosed() {
        String streamer = streamerWithTwoAccounts();
        Map<String, Object> body = departure(streamer, Instant.now(), null);
        body.put("averageMonthlyIncome", -1.0);

        given(app.api()).body(body).when().post("/" + StreamerOffboarding.PROCESS_ID)
                .then().statusCode(400).body("input", org.hamcrest.Matchers.equalTo("averageMonthlyIncome"));

        assertThat(openAccounts(streamer)).as("the start step's account closing rolled back").hasSize(2);
        assertThat(app.jdbc().queryForObject("select count(*) from governance.offboardings where streamer_id = ?", Long.class, streamer)).isZero();
        assertThat(app.jdbc().queryForObject("select status from governance.streamers where id = ?", String.class, streamer)).isEqualTo("ACTIVE");
    }

    @Test
    void unknownStreamerIsRefusedAndNothingIsKept() {
        long before = app.jdbc().queryForObject("select count(*) from governance.offboardings", Long.class);

        given(app.api()).body(departure("nobody", Instant.now(), null))
                .when().post("/" + StreamerOffboarding.PROCESS_ID)
                .then().statusCode(400).body("detail", containsString("nobody"));

        assertThat(app.jdbc().queryForObject("select count(*) from governance.offboardings", Long.class)).isEqualTo(before);
    }

    @Test
    void aStreamerIsOffboardedOnceEvenWhenTwoOffboardingsStartAtTheSameMoment() throws Exception {
        String streamer = streamerWithTwoAccounts();
        Map<String, Object> body = departure(streamer, Instant.now(), null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return given(app.api()).body(body).when().post("/" + StreamerOffboarding.PROCESS_ID);
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("detail")).contains(streamer, "being offboarded already");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        String id = app.jdbc().queryForObject("select process_instance_id from governance.offboardings where streamer_id = ?", String.class, streamer);
        finishHandover(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> "OFFBOARDED".equals(
                app.jdbc().queryForObject("select status from governance.streamers where id = ?", String.class, streamer)));

        given(app.api()).body(departure(streamer, Instant.now(), null)).when().post("/" + StreamerOffboarding.PROCESS_ID)
                .then().statusCode(409).body("detail", containsString("offboarded already"));

        assertThat(app.jdbc().queryForObject("select count(*) from governance.offboardings where streamer_id = ?", Long.class, streamer)).isEqualTo(1L);
        assertThat(app.jdbc().queryForObject("select status from governance.streamers where id = ?", String.class, streamer)).isEqualTo("OFFBOARDED");
    }
}
