package com.livegov.governance.taskcontext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.offboarding.StreamerOffboarding;
import com.livegov.governance.onboarding.StreamerOnboarding;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import com.livegov.governance.violations.ViolationEscalation;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task page's context over REST ({@code GET /tasks/{id}/context}) and the task's comments
 * ({@code GET|POST /tasks/{id}/comments}), as the people who work the tasks see them:
 * <ol>
 * <li>a two-day suspension: the ops-manager's level-1 task names the action, the days, the account and its fans,
 * the streamer, the reason, the ApprovalChain version and a due time; after level 1 the director's task shows who
 * approved it, when and why;</li>
 * <li>a minor violation's interview shows the case; the suspension a moderate violation asks for shows the case's
 * evidence; an offboarding's handover task shows the 24-hour clock; legal's review of a contract shows the drafted
 * terms and their enforceability check; HR's settlement review shows the month's totals; an ops-manager's permission
 * review shows the deviations to answer;</li>
 * <li>someone who cannot see a task gets 404, like a task that does not exist;</li>
 * <li>a comment's author is the login, whatever {@code ?user=} says; a bad comment changes nothing; Kogito's own
 * endpoints for one task ({@code /usertasks/instance/{id}}, its comments, its outputs) answer 404 to those who do not
 * see the task.</li>
 * </ol>
 */
class TaskContextIT {

    private static final String LONG = "PT1H";

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

    private static JsonPath context(String taskId, String user, String group) {
        return given(app.as(user, group)).when().get("/tasks/{id}/context", taskId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String versionInForce(String decision) {
        return given(app.api()).when().get("/decisions").then().statusCode(200)
                .extract().path("find { it.name == '" + decision + "' }.version");
    }

    private static int commentsStored(String taskId) {
        return app.jdbc().queryForObject("select count(*) from public.jbpm_user_tasks_comments where task_id = ?", Integer.class, taskId);
    }

    /** A report from operations: the ViolationSeverity inputs quiet but the diversions and the loss. */
    private static Map<String, Object> violation(String streamer, String kind, int diversions, double estimatedLoss) {
        Map<String, Object> report = new HashMap<>();
        report.put("streamerId", streamer);
        report.put("violationKind", kind);
        report.put("source", "OPERATIONS");
        report.put("evidence", Map.of("recording", "live-2026-11-20-2100.mp4", "minute", 42));
        report.put("fanLossRate", 0.0);
        report.put("interactionDrop", 0.0);
        report.put("priorViolations", 0);
        report.put("diversionCount", diversions);
        report.put("estimatedLoss", estimatedLoss);
        return report;
    }

    @Test
    void aSuspensionShowsTheDaysTheAccountTheStreamerAndLaterTheFirstLevelsDecision() {
        ApprovalRequest request = ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)).withDeadlines(LONG, LONG);
        Instant requested = Instant.now();
        String id = tasks.request(request);
        String level1 = (String) tasks.awaitTaskFor(id, "ops-manager").get("id");

        JsonPath first = context(level1, "nora", "ops-manager");
        assertThat(first.getString("task.name")).isEqualTo("Level1Approval");
        assertThat(first.getString("task.processInstanceId")).isEqualTo(id);
        assertThat(first.getList("task.potentialGroups")).contains("ops-manager");
        assertThat(first.getString("details.kind")).isEqualTo("APPROVAL");
        assertThat(first.getString("details.action")).isEqualTo("SUSPEND_LIVE");
        assertThat(first.getInt("details.parameters.suspensionDays")).isEqualTo(2);
        assertThat(first.getString("details.reason")).isEqualTo(request.reason());
        assertThat(first.getString("details.account.handle")).isEqualTo("@" + request.subject());
        assertThat(first.getLong("details.account.fans")).as("TestStreamers opens sub-accounts with 5,000 fans").isEqualTo(5_000);
        assertThat(first.getString("details.streamer.name")).isEqualTo("Host streamer-of-" + request.subject());
        assertThat(first.getString("details.streamer.tier")).isEqualTo("KEY");
        assertThat(first.getString("details.streamer.opsManager")).isEqualTo("mia");
        assertThat(first.getString("details.approvalChain.decision")).isEqualTo("ApprovalChain");
        assertThat(first.getString("details.approvalChain.version")).isEqualTo(versionInForce("ApprovalChain"));
        assertThat(first.getList("details.approvalChain.matchedRules")).isNotEmpty();
        assertThat(first.getList("details.earlierLevels")).isEmpty();
        Instant due = Instant.parse(first.getString("deadline.dueAt"));
        assertThat(due).as("the level-1 deadline timer, an hour after the request")
                .isBetween(requested.plus(Duration.ofHours(1)).minusSeconds(5), Instant.now().plus(Duration.ofHours(1)).plusSeconds(5));
        assertThat(first.getLong("deadline.secondsLeft")).isBetween(3_500L, 3_600L);
        assertThat(first.getBoolean("deadline.overdue")).isFalse();
        assertThat(first.getString("diagram.bpmnXml")).contains("id=\"Task_Level1Approval\"");
        assertThat(first.getList("diagram.activeElementIds")).contains("Task_Level1Approval");
        assertThat(first.getList("diagram.passedElementIds")).contains("Task_VerifyRequest", "Task_DetermineApprovalChain", "Task_PlanRoute");
        assertThat(first.getList("timeline.kind")).contains("PROCESS_STARTED");

        Instant beforeApproval = Instant.now();
        tasks.decide(tasks.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "two days is proportionate"));
        String level2 = (String) tasks.awaitTaskFor(id, "director").get("id");
        Instant afterApproval = Instant.now();

        JsonPath second = context(level2, "dora", "director");
        assertThat(second.getString("task.name")).isEqualTo("Level2Approval");
        assertThat(second.getList("details.earlierLevels")).hasSize(1);
        assertThat(second.getString("details.earlierLevels[0].elementId")).isEqualTo("Task_Level1Approval");
        assertThat(second.getString("details.earlierLevels[0].outcome")).isEqualTo("APPROVED");
        assertThat(second.getString("details.earlierLevels[0].decidedBy")).isEqualTo("nora");
        assertThat(second.getString("details.earlierLevels[0].comment")).isEqualTo("two days is proportionate");
        assertThat(Instant.parse(second.getString("details.earlierLevels[0].decidedAt")))
                .isBetween(beforeApproval.minusSeconds(1), afterApproval.plusSeconds(1));
        assertThat(second.getList("diagram.passedElementIds")).contains("Task_Level1Approval");

        // the ops-manager is not in the director's group: the level-2 task does not exist for her
        given(app.as("nora", "ops-manager")).when().get("/tasks/{id}/context", level2)
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Unknown task"));
        given(app.as("nora", "ops-manager")).when().get("/tasks/{id}/comments", level2).then().statusCode(404);
    }

    @Test
    void aMinorViolationsInterviewShowsTheCase() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live");
        String id = given(app.as("otto", "ops")).body(violation(streamer, "OFF_PLATFORM_DIVERSION", 1, 0.0))
                .when().post("/" + ViolationEscalation.PROCESS_ID)
                .then().statusCode(201).extract().path("id");
        String interview = (String) tasks.awaitTaskFor(id, "ops-manager", "ViolationInterview").get("id");

        JsonPath context = context(interview, "mia", "ops-manager");
        assertThat(context.getString("details.kind")).isEqualTo("VIOLATION");
        assertThat(context.getString("details.violation.id")).isEqualTo(id);
        assertThat(context.getString("details.violation.kind")).isEqualTo("OFF_PLATFORM_DIVERSION");
        assertThat(context.getString("details.violation.source")).isEqualTo("OPERATIONS");
        assertThat(context.getString("details.violation.severity")).isEqualTo("MINOR");
        assertThat(context.getString("details.violation.reportedBy")).isEqualTo("otto");
        assertThat(context.getString("details.violation.evidence.recording")).isEqualTo("live-2026-11-20-2100.mp4");
        assertThat(context.getString("details.violation.decisionVersion")).isEqualTo(versionInForce("ViolationSeverity"));
        assertThat(context.getMap("details.violation.measures")).isNotEmpty();
        assertThat(context.getString("details.streamer.id")).isEqualTo(streamer);
    }

    @Test
    void theSuspensionAModerateViolationAsksForShowsTheCasesEvidence() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live");
        String id = given(app.as("otto", "ops")).body(violation(streamer, "ILLEGAL_CONTENT", 0, 5000.0))
                .when().post("/" + ViolationEscalation.PROCESS_ID).then().statusCode(201).extract().path("id");
        String suspension = given(app.api()).when().get("/violations/{id}", id).then().statusCode(200)
                .extract().path("approvals.find { it.action == 'SUSPEND_LIVE' }.approvalInstanceId");
        String level1 = (String) tasks.awaitTaskFor(suspension, "ops-manager").get("id");

        JsonPath context = context(level1, "nora", "ops-manager");
        assertThat(context.getString("details.action")).isEqualTo("SUSPEND_LIVE");
        assertThat(context.getString("details.violation.id")).isEqualTo(id);
        assertThat(context.getString("details.violation.severity")).isEqualTo("MODERATE");
        assertThat(context.getString("details.violation.evidence.recording")).isEqualTo("live-2026-11-20-2100.mp4");
        assertThat(context.getString("details.account.id")).isEqualTo(streamer + "-live");
        assertThat(context.getString("details.streamer.id")).isEqualTo(streamer);
    }

    @Test
    void legalsContractReviewShowsTheDraftedTermsAndTheirCheck() {
        String streamer = "lin-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> terms = new HashMap<>();
        terms.put("nonCompeteMonths", 18);
        terms.put("monthlyCompensation", 6000.0);
        terms.put("averageMonthlyIncome", 20000.0);
        terms.put("annualRevenue", 500000.0);
        terms.put("liquidatedDamagesMultiple", 2.5);
        terms.put("ipInvestment", "COMPANY_FUNDED");
        terms.put("ownershipClause", true);
        terms.put("confidentialityList", true);
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("streamerId", streamer);
        proposal.put("displayName", "Host " + streamer);
        proposal.put("tier", "REGULAR");
        proposal.put("category", "beauty");
        proposal.put("opsManager", "mia");
        proposal.put("startDate", "2026-12-01");
        proposal.put("subAccountHandle", "@" + streamer);
        proposal.put("terms", terms);
        String id = given(app.as("hanna", "hr")).body(proposal).when().post("/" + StreamerOnboarding.PROCESS_ID)
                .then().statusCode(201).extract().path("id");
        tasks.complete(tasks.awaitTaskFor(id, "hr", "DraftContractTerms"), "hanna", "hr", terms);
        Instant drafted = Instant.now();
        String review = (String) tasks.awaitTaskFor(id, "legal", "LegalContractReview").get("id");

        JsonPath context = context(review, "lena", "legal");
        assertThat(context.getString("details.kind")).isEqualTo("ONBOARDING");
        assertThat(context.getString("details.streamer.id")).isEqualTo(streamer);
        assertThat(context.getInt("details.round")).isEqualTo(1);
        assertThat(context.getInt("details.terms.nonCompeteMonths")).isEqualTo(18);
        assertThat(context.getString("details.draftedBy")).isEqualTo("hanna");
        assertThat(context.getBoolean("details.enforceable")).isTrue();
        assertThat(context.getList("details.problems")).isEmpty();
        assertThat(context.getString("details.check.decision")).isEqualTo("OffboardingTerms");
        assertThat(context.getString("details.check.version")).isEqualTo(versionInForce("OffboardingTerms"));
        assertThat(Instant.parse(context.getString("deadline.dueAt"))).as("legal's 48 hours (governance.onboarding.legal-review-deadline)")
                .isBetween(drafted.plus(Duration.ofHours(48)).minusSeconds(60), Instant.now().plus(Duration.ofHours(48)).plusSeconds(5));
    }

    @Test
    void hrsSettlementReviewShowsTheMonthsTotals() {
        String month = "2026-10";
        String seller = "key-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, seller, seller + "-live");
        given(app.api()).body(Map.of("sales", 100000, "target", 80000, "trafficSales", 10000))
                .when().put("/commission-settlements/figures/{month}/{streamer}", month, seller).then().statusCode(200);
        List<Map<String, Object>> nothingSold = app.jdbc().queryForList("""
                select id from governance.streamers s where status = 'ACTIVE'
                and not exists (select 1 from governance.commission_figures f where f.month = ? and f.streamer_id = s.id)""",
                String.class, month).stream().map(id -> Map.<String, Object>of("streamerId", id, "sales", 0, "target", 0, "trafficSales", 0))
                .toList();
        given(app.api()).body(Map.of("figures", nothingSold)).when().post("/commission-settlements/figures/{month}", month)
                .then().statusCode(200);
        int active = app.jdbc().queryForObject("select count(*) from governance.streamers where status = 'ACTIVE'", Integer.class);
        String id = given(app.as("hanna", "hr")).body(Map.of("month", month)).when().post("/commission-settlements")
                .then().statusCode(201).extract().path("processInstanceId");
        String review = (String) tasks.awaitTaskFor(id, "hr", "ReviewCommissionSettlement").get("id");

        JsonPath context = context(review, "helga", "hr");
        assertThat(context.getString("details.kind")).isEqualTo("SETTLEMENT");
        assertThat(context.getString("details.month")).isEqualTo(month);
        assertThat(context.getInt("details.streamers")).isEqualTo(active);
        BigDecimal total = new BigDecimal(context.getString("details.total"));
        assertThat(total).as("only one streamer sold anything").isPositive()
                .isEqualByComparingTo(new BigDecimal(context.getString("details.largestPayout")));
        assertThat(context.getBoolean("details.directorMustApprove")).as("one payout far below 50,000").isFalse();
        assertThat(context.getString("details.payoutApproval.decision")).isEqualTo("PayoutApproval");
        assertThat(context.getString("details.payoutApproval.version")).isEqualTo(versionInForce("PayoutApproval"));
    }

    @Test
    void anOpsManagersPermissionReviewShowsTheDeviationsToAnswer() {
        String rita = "rita-" + UUID.randomUUID().toString().substring(0, 8);
        String streamer = "regular-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        StreamerRegistry registry = app.bean(StreamerRegistry.class);
        registry.register(new StreamerRegistry.Streamer(streamer, "Host " + streamer, "REGULAR", "ACTIVE", "beauty",
                LocalDate.of(2024, 1, 15), rita));
        registry.openSubAccount(account, "@" + account, streamer, 1_000);
        app.jdbc().update("""
                update governance.permission_grants set level = 'MANAGEMENT', data_export = true
                where account_id = ? and revoked_at is null""", account);
        String id = given(app.as("olga", "ops-manager")).body(Map.of("quarter", "2026-Q3")).when().post("/permission-reviews")
                .then().statusCode(201).extract().path("id");
        String task = (String) tasks.awaitTaskOf(id, rita, "ops-manager", "ReviewPermissions").get("id");

        JsonPath context = context(task, rita, "ops-manager");
        assertThat(context.getString("details.kind")).isEqualTo("PERMISSION_REVIEW");
        assertThat(context.getString("details.quarter")).isEqualTo("2026-Q3");
        assertThat(context.getString("details.opsManager")).isEqualTo(rita);
        assertThat(context.getList("details.deviations")).hasSize(1);
        assertThat(context.getInt("details.deviations[0].number")).isEqualTo(1);
        assertThat(context.getString("details.deviations[0].accountId")).isEqualTo(account);
        assertThat(context.getString("details.deviations[0].level")).isEqualTo("MANAGEMENT");
        assertThat(context.getString("details.deviations[0].expectedLevel")).isEqualTo("STREAMER_BASIC");
        assertThat(context.getList("details.deviations[0].kinds")).containsExactly("LEVEL_ABOVE_BASELINE", "DATA_EXPORT_NOT_ALLOWED");
        assertThat(context.getString("details.deviations[0].decisionVersion")).isEqualTo(versionInForce("PermissionBaseline"));
    }

    @Test
    void anOffboardingHandoverTaskShowsTheClock() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live", streamer + "-shop");
        Instant departedAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", streamer);
        start.put("departureTime", departedAt.toString());
        start.put("departureReason", "RESIGNATION");
        start.put("requestedNonCompeteMonths", 18);
        start.put("averageMonthlyIncome", 20000.0);
        start.put("annualRevenue", 500000.0);
        start.put("ipInvestment", "COMPANY_FUNDED");
        String id = given(app.as("hanna", "hr")).body(start).when().post("/" + StreamerOffboarding.PROCESS_ID)
                .then().statusCode(201).extract().path("id");
        String evidence = (String) tasks.awaitTaskFor(id, "legal", "PreserveEvidence").get("id");

        JsonPath context = context(evidence, "lena", "legal");
        Instant deadline = departedAt.plus(Duration.ofHours(24));
        assertThat(context.getString("details.kind")).isEqualTo("OFFBOARDING");
        assertThat(Instant.parse(context.getString("details.departureTime"))).isEqualTo(departedAt);
        assertThat(Instant.parse(context.getString("details.deadlineAt"))).isEqualTo(deadline);
        assertThat(context.getLong("details.hoursLeft")).as("21 hours left, not yet all of them").isEqualTo(20);
        assertThat(context.getList("details.accountsClosed")).containsExactlyInAnyOrder(streamer + "-live", streamer + "-shop");
        assertThat(context.getString("details.streamer.id")).isEqualTo(streamer);
        assertThat(Instant.parse(context.getString("deadline.dueAt"))).as("the handover's 24-hour deadline, not the 20-hour warning")
                .isBetween(deadline.minusSeconds(5), deadline.plusSeconds(5));
        assertThat(context.getList("diagram.activeElementIds")).contains("SubProcess_Handover", "Task_PreserveEvidence");
    }

    @Test
    void aCommentsAuthorIsTheLoginAndBadCommentsChangeNothing() {
        String id = tasks.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        String taskId = (String) tasks.awaitTaskFor(id, "ops-manager").get("id");

        given(app.as("nora", "ops-manager")).body(Map.of("text", "Asked the streamer for the recording <b>first</b>."))
                .when().post("/tasks/{id}/comments", taskId)
                .then().statusCode(201).body("author", equalTo("nora"));
        // naming someone else is refused before anything is done
        given(app.as("nora", "ops-manager")).queryParam("user", "dora").body(Map.of("text", "pretending to be dora"))
                .when().post("/tasks/{id}/comments", taskId)
                .then().statusCode(403).contentType("application/problem+json");
        // Kogito's own comment endpoint takes the author from ?user=: that cannot be chosen either
        given(app.as("nora", "ops-manager")).queryParam("user", "dora").body(Map.of("comment", "pretending again"))
                .when().post("/usertasks/instance/{id}/comments", taskId)
                .then().statusCode(403);

        List<Map<String, Object>> comments = given(app.as("mia", "ops-manager")).when().get("/tasks/{id}/comments", taskId)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(comments).singleElement().satisfies(comment -> {
            assertThat(comment).containsEntry("author", "nora").containsEntry("text", "Asked the streamer for the recording <b>first</b>.");
        });
        assertThat(context(taskId, "mia", "ops-manager").getList("comments.author")).containsExactly("nora");
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail
                where action = 'TASK_COMMENTED' and actor = 'nora' and target_id = ? and process_instance_id = ?""", Integer.class, taskId, id))
                .as("the comment is in the audit trail").isEqualTo(1);

        given(app.as("nora", "ops-manager")).body(Map.of("text", "x".repeat(TaskComments.MAX_LENGTH + 1)))
                .when().post("/tasks/{id}/comments", taskId)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("at most"));
        given(app.as("nora", "ops-manager")).body(Map.of("text", "   "))
                .when().post("/tasks/{id}/comments", taskId).then().statusCode(400);
        given(app.as("nora", "ops-manager")).body(Map.of("text", "hello", "author", "dora"))
                .when().post("/tasks/{id}/comments", taskId).then().statusCode(400);
        given(app.as("nora", "ops-manager")).body(Map.of("text", 42))
                .when().post("/tasks/{id}/comments", taskId).then().statusCode(400);
        given(app.as("nora", "ops-manager")).body("{\"text\": ")
                .when().post("/tasks/{id}/comments", taskId).then().statusCode(400).contentType("application/problem+json");
        given(app.as("nora", "ops-manager")).body(Map.of("text", "on a task that is not there"))
                .when().post("/tasks/{id}/comments", "no-such-task").then().statusCode(404).contentType("application/problem+json");
        given(app.as("dora", "director")).body(Map.of("text", "not my group's task"))
                .when().post("/tasks/{id}/comments", taskId).then().statusCode(404);
        given(app.as("nora", "ops-manager")).when().get("/tasks/{id}/context", "no-such-task").then().statusCode(404);

        // Kogito's own endpoints for one task: only for those who see it (Kogito 10.1 itself checks nobody there)
        given(app.as("mia", "ops-manager")).when().get("/usertasks/instance/{id}", taskId).then().statusCode(200);
        given(app.as("dora", "director")).when().get("/usertasks/instance/{id}", taskId)
                .then().statusCode(404).contentType("application/problem+json");
        given(app.as("dora", "director")).when().get("/usertasks/instance/{id}/comments", taskId).then().statusCode(404);
        given(app.as("dora", "director")).body(Map.of("comment", "through Kogito's endpoint"))
                .when().post("/usertasks/instance/{id}/comments", taskId).then().statusCode(404);
        given(app.as("dora", "director")).body(Map.of("approved", true, "comment", "not mine to decide"))
                .when().put("/usertasks/instance/{id}/outputs", taskId).then().statusCode(404);

        assertThat(commentsStored(taskId)).as("only the one good comment").isEqualTo(1);
        given(app.anonymousApi()).when().get("/tasks/{id}/context", taskId).then().statusCode(401);
    }
}
