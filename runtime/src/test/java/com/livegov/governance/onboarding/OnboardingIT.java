package com.livegov.governance.onboarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * The paths of {@code streamerOnboarding.bpmn}, driven over the REST API:
 * <ol>
 * <li>a REGULAR streamer, enforceable terms, legal approves, the streamer signs, the sub-account is opened
 * ({@code Task_ProvisionSubAccount}: STREAMER_BASIC, no data export, recorded), no backup needed, training, ACTIVE
 * ({@code End_StreamerActive}); the legal review's timer runs the configured 48 hours;</li>
 * <li>a KEY streamer needs at least 2 backups ({@code Task_AssignBackups}): too few, unknown or inactive streamers, or the
 * streamer itself are refused with 400 and the task stays open; two active streamers are stored;</li>
 * <li>unenforceable terms ({@code Gateway_Enforceable}, "not enforceable") go back to HR with the reasons, and the redraft
 * passes;</li>
 * <li>legal returns the draft to HR twice with comments ({@code Gateway_ReviewDecision}, "returned to HR"), then approves;</li>
 * <li>legal does not review in time ({@code Timer_LegalReviewDeadline}): the director reviews instead
 * ({@code Task_DirectorReview});</li>
 * <li>bad start data (unknown tier, missing field, negative amount, streamer id or handle in use) answers 400 and leaves
 * nothing: no streamer, no onboarding, no process instance, no history.</li>
 * </ol>
 */
class OnboardingIT {

    private static final String DRAFT = "DraftContractTerms";
    private static final String LEGAL_REVIEW = "LegalContractReview";

    private static RunningApp app;
    private static ApprovalClient tasks;
    private static TimerTable timers;

    @BeforeAll
    static void startApplication() {
        String db = TestDatabase.newDatabase();
        app = RunningApp.start(db, "governance.onboarding.allow-deadline-override=true");
        tasks = new ApprovalClient(app);
        timers = new TimerTable(db);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    // ------------------------------------------------------------------ the paths

    @Test
    void regularStreamerIsOnboardedEndToEndAndBecomesActive() {
        String streamer = newId("lin");
        String id = start(proposal(streamer, "REGULAR"));

        assertThat(status(streamer)).isEqualTo("ONBOARDING");
        draft(id, enforceableTerms());
        Map<String, Object> legal = tasks.awaitTaskFor(id, "legal", LEGAL_REVIEW);
        Instant in48Hours = Instant.now().plus(Duration.ofHours(48));
        assertThat(timers.pendingFor(id)).as("the configured 48-hour legal review deadline").singleElement()
                .satisfies(due -> assertThat(due).isBetween(in48Hours.minus(Duration.ofMinutes(2)), in48Hours.plus(Duration.ofMinutes(2))));
        assertThat(inputs(legal).get("checkSummary").toString()).startsWith("Enforceable under OffboardingTerms");
        tasks.complete(legal, "lena", "legal", review("APPROVE", "the terms hold"));
        assertThat(tasks.awaitTaskOf(id, streamer, "streamer", "SignContract").get("actualOwner")).isEqualTo(streamer);
        assertThat(tasks.tasksFor(id, "another-streamer", "streamer")).as("only the streamer sees the contract").isEmpty();
        sign(id, streamer);
        assertThat(tasks.awaitTaskFor(id, "ops", "AssignBackups")).satisfies(task ->
                assertThat(inputs(task).get("backupRequirement")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("minimumBackups", 0));
        tasks.complete(tasks.awaitTaskFor(id, "ops", "AssignBackups"), "otto", "ops", Map.of("backupIds", List.of()));
        train(id, streamer);

        assertThat(tasks.awaitEnded(StreamerOnboarding.PROCESS_ID, id)).containsSubsequence("Task_RegisterStreamer", "Task_DraftTerms",
                "Task_CheckTerms", "Task_LegalReview", "Task_RecordLegalReview", "Task_SignContract", "Task_RecordSignature",
                "Task_ProvisionSubAccount", "Task_DetermineBackups", "Task_AssignBackups", "Task_RecordBackups", "Task_Training",
                "Task_Activate", "End_StreamerActive").doesNotContain("Task_DirectorReview");
        assertThat(status(streamer)).isEqualTo("ACTIVE");
        assertThat(timers.pendingFor(id)).as("the legal review's timer ended with the review").isEmpty();

        Map<String, Object> account = app.bean(StreamerRegistry.class).accountsOf(streamer).get(0);
        assertThat(account).containsEntry("id", "sub-" + streamer).containsEntry("kind", "SUB_ACCOUNT").containsEntry("status", "ACTIVE")
                .containsEntry("platform_handle", "@" + streamer);
        assertThat(app.bean(StreamerRegistry.class).grantsOf(streamer)).singleElement()
                .satisfies(grant -> assertThat(grant).containsEntry("level", "STREAMER_BASIC").containsEntry("data_export", false));
        given(app.api()).get("/accounts/{account}/actions", "sub-" + streamer).then().statusCode(200)
                .body("request.action", equalTo(List.of("OPEN_SUB_ACCOUNT")))
                .body("[0].request.actor", equalTo("process:streamerOnboarding"))
                .body("[0].request.processInstanceId", equalTo(id))
                .body("[0].request.reason", containsString("contract signed by " + streamer))
                .body("[0].outcome.dataExport", equalTo(false));

        Map<String, Object> contract = app.jdbc().queryForMap("select * from governance.signed_contracts where process_instance_id = ?", id);
        assertThat(contract).containsEntry("drafted_by", "hanna").containsEntry("reviewed_by", "lena").containsEntry("review_step", "LEGAL_REVIEW")
                .containsEntry("signed_by", streamer).containsEntry("signature", "Host " + streamer).containsEntry("non_compete_months", 18)
                .containsEntry("decision", "OffboardingTerms").containsEntry("decision_version", decisionVersion("OffboardingTerms"));
        assertThat(app.jdbc().queryForObject("select caller_id from governance.decision_evaluations where id = ?", String.class,
                contract.get("decision_evaluation_id"))).as("the evaluation the contract rests on").isEqualTo(id);
        given(app.api()).get("/onboarding/{streamer}", streamer).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("onboardings[0].drafts.review_outcome", equalTo(List.of("APPROVED")))
                .body("onboardings[0].contract.signed_by", equalTo(streamer));
        given(app.api()).get("/history/streamers/{streamer}", streamer).then().statusCode(200)
                .body("processInstanceId", org.hamcrest.Matchers.everyItem(equalTo(id)))
                .body("nodeId", hasItems("Task_ProvisionSubAccount", "End_StreamerActive"))
                .body("findAll { it.eventType == 'TASK_COMPLETED' }.actor", hasItems("hanna", "lena", streamer, "otto"));
    }

    @Test
    void keyStreamerNeedsTwoActiveBackupsAndFewerAreRefused() {
        String streamer = newId("key");
        String first = newId("backup");
        String second = newId("backup");
        TestStreamers.streamerWithSubAccounts(app, first);
        TestStreamers.streamerWithSubAccounts(app, second);
        String gone = newId("gone");
        app.bean(StreamerRegistry.class).register(new StreamerRegistry.Streamer(gone, "Gone", "REGULAR", "OFFBOARDED", "beauty",
                LocalDate.of(2024, 1, 1), "mia"));
        String id = start(proposal(streamer, "KEY"));
        draft(id, enforceableTerms());
        tasks.complete(tasks.awaitTaskFor(id, "legal", LEGAL_REVIEW), "lena", "legal", review("APPROVE", "the terms hold"));
        sign(id, streamer);

        Map<String, Object> backups = tasks.awaitTaskFor(id, "ops", "AssignBackups");
        assertThat(inputs(backups).get("backupCandidates")).asList().contains(first, second).doesNotContain(streamer, gone);
        tasks.claim(backups, "otto", "ops");
        tasks.submit(backups, "otto", "ops", Map.of("backupIds", List.of(first))).then().statusCode(400)
                .body("errors.field", hasItems("backupIds"))
                .body("detail", containsString("at least 2 backup streamers"));
        tasks.submit(backups, "otto", "ops", Map.of("backupIds", List.of(first, streamer, "nobody", gone))).then().statusCode(400)
                .body("errors.message", hasItems("names " + streamer + ", who cannot be their own backup", "names nobody, who is not a streamer",
                        "names " + gone + ", who is not active (OFFBOARDED)", "allows at most 3 backup streamers, 4 named"));
        tasks.submit(backups, "otto", "ops", Map.of("backupIds", first)).then().statusCode(400)
                .body("title", equalTo("Invalid task submission"));
        assertThat(tasks.taskFor(id, "ops")).as("the task stays open").isPresent();
        assertThat(app.bean(StreamerRegistry.class).backupsOf(streamer)).isEmpty();

        tasks.submit(backups, "otto", "ops", Map.of("backupIds", List.of(second, first))).then().statusCode(200);
        train(id, streamer);

        tasks.awaitEnded(StreamerOnboarding.PROCESS_ID, id);
        assertThat(app.bean(StreamerRegistry.class).backupsOf(streamer)).extracting(row -> row.get("backup_id"), row -> row.get("rank"),
                row -> row.get("assigned_by")).containsExactly(org.assertj.core.groups.Tuple.tuple(second, 1, "otto"),
                        org.assertj.core.groups.Tuple.tuple(first, 2, "otto"));
        assertThat(status(streamer)).isEqualTo("ACTIVE");
    }

    @Test
    void unenforceableTermsGoBackToHrWithTheReasons() {
        String streamer = newId("low");
        String id = start(proposal(streamer, "REGULAR"));
        Map<String, Object> unenforceable = enforceableTerms();
        unenforceable.put("monthlyCompensation", 5999.99);
        unenforceable.put("liquidatedDamagesMultiple", 4);
        unenforceable.put("nonCompeteMonths", 36);
        unenforceable.put("confidentialityList", false);

        draft(id, unenforceable);

        Map<String, Object> redraft = tasks.awaitTaskFor(id, "hr", DRAFT);
        assertThat(tasks.taskFor(id, "legal")).as("legal never sees an unenforceable draft").isEmpty();
        assertThat(inputs(redraft).get("returnReasons").toString())
                .contains("A non-compete of 36 months is not enforceable; the terms allow 24 months.")
                .contains("The non-compete compensation of 5999.99 a month is below the enforceable minimum of 6000.00.")
                .contains("Liquidated damages of 4 times the annual revenue are not enforceable; they must be 2 to 3 times.")
                .contains("The confidentiality list is missing")
                .doesNotContain("ownership clause");
        assertThat(inputs(redraft)).as("HR sees the draft it sent").containsEntry("nonCompeteMonths", 36);
        assertThat(String.valueOf(inputs(redraft).get("monthlyCompensation"))).isEqualTo("5999.99");
        tasks.complete(redraft, "hanna", "hr", enforceableTerms());

        tasks.awaitTaskFor(id, "legal", LEGAL_REVIEW);
        assertThat(timers.timesLeft(id, "Task_CheckTerms")).as("checked twice").isEqualTo(2);
        List<Map<String, Object>> drafts = app.jdbc().queryForList(
                "select enforceable, cardinality(problems) as problems from governance.contract_drafts where process_instance_id = ? order by round",
                id);
        assertThat(drafts).extracting(row -> row.get("enforceable"), row -> row.get("problems"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 4), org.assertj.core.groups.Tuple.tuple(true, 0));
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.decision_evaluations where caller_id = ? and decision = 'OffboardingTerms'""", Long.class, id))
                .as("each check is a recorded evaluation").isEqualTo(2);
    }

    @Test
    void legalReturnsTheDraftToHrTwiceWithCommentsThenApproves() {
        String streamer = newId("twice");
        String id = start(proposal(streamer, "REGULAR"));
        draft(id, enforceableTerms());

        tasks.complete(tasks.awaitTaskFor(id, "legal", LEGAL_REVIEW), "lena", "legal", review("RETURN", "name the supply-chain contacts"));
        Map<String, Object> second = tasks.awaitTaskFor(id, "hr", DRAFT);
        assertThat(inputs(second).get("returnReasons").toString()).contains("lena", "name the supply-chain contacts");
        tasks.complete(second, "hanna", "hr", enforceableTerms());
        tasks.complete(tasks.awaitTaskFor(id, "legal", LEGAL_REVIEW), "leo", "legal", review("RETURN", "state the buy-back period"));
        Map<String, Object> third = tasks.awaitTaskFor(id, "hr", DRAFT);
        assertThat(inputs(third).get("returnReasons").toString()).contains("leo", "state the buy-back period");
        tasks.complete(third, "hugo", "hr", enforceableTerms());
        tasks.complete(tasks.awaitTaskFor(id, "legal", LEGAL_REVIEW), "lena", "legal", review("APPROVE", "now complete"));

        tasks.awaitTaskOf(id, streamer, "streamer", "SignContract");
        List<Map<String, Object>> drafts = app.jdbc().queryForList("""
                select round, drafted_by, review_outcome, reviewed_by, review_comment from governance.contract_drafts
                where process_instance_id = ? order by round""", id);
        assertThat(drafts).extracting(row -> row.get("drafted_by"), row -> row.get("review_outcome"), row -> row.get("reviewed_by"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hanna", "RETURNED", "lena"),
                        org.assertj.core.groups.Tuple.tuple("hanna", "RETURNED", "leo"),
                        org.assertj.core.groups.Tuple.tuple("hugo", "APPROVED", "lena"));
        assertThat(timers.timesLeft(id, "Task_DraftTerms")).isEqualTo(3);
    }

    @Test
    void legalReviewNotDoneInTimeEscalatesToTheDirector() {
        String streamer = newId("late");
        Map<String, Object> proposal = proposal(streamer, "REGULAR");
        proposal.put("requestedDeadlines", Map.of("legalReviewDeadline", "PT1S"));
        String id = start(proposal);
        draft(id, enforceableTerms());

        Map<String, Object> director = tasks.awaitTaskFor(id, "director", "DirectorContractReview");

        assertThat(tasks.taskFor(id, "legal")).as("the overdue legal review is withdrawn").isEmpty();
        assertThat(tasks.nodesPassed(id)).containsSubsequence("Task_LegalReview", "Timer_LegalReviewDeadline", "Task_DirectorReview");
        tasks.complete(director, "dora", "director", review("APPROVE", "legal did not answer in time; the terms hold"));
        sign(id, streamer);
        tasks.awaitTaskFor(id, "ops", "AssignBackups");
        assertThat(app.jdbc().queryForMap("select reviewed_by, review_step from governance.signed_contracts where process_instance_id = ?", id))
                .containsEntry("reviewed_by", "dora").containsEntry("review_step", "DIRECTOR_REVIEW");
    }

    @Test
    void badStartDataIsRefusedAndLeavesNothing() {
        String taken = newId("taken");
        TestStreamers.streamerWithSubAccounts(app, taken, "acc-" + taken);
        long instances = count("select count(*) from public.process_instances");
        long events = count("select count(*) from governance.process_events where process_id = 'streamerOnboarding'");

        String streamer = newId("bad");
        refused(with(proposal(streamer, "REGULAR"), "tier", "SUPERSTAR"), "tier must be one of");
        refused(with(proposal(streamer, "REGULAR"), "opsManager", null), "opsManager is required");
        refused(with(proposal(streamer, "REGULAR"), "startDate", "next monday"), "startDate");
        Map<String, Object> negative = enforceableTerms();
        negative.put("annualRevenue", -1);
        refused(with(proposal(streamer, "REGULAR"), "terms", negative), "terms.annualRevenue must not be negative");
        Map<String, Object> incomplete = enforceableTerms();
        incomplete.remove("ownershipClause");
        refused(with(proposal(streamer, "REGULAR"), "terms", incomplete), "terms.ownershipClause");
        refused(proposal(taken, "REGULAR"), "already exists");
        refused(with(proposal(streamer, "REGULAR"), "subAccountHandle", "@acc-" + taken), "already in use");

        assertThat(count("select count(*) from governance.streamers where id = '" + streamer + "'")).isZero();
        assertThat(count("select count(*) from governance.onboardings where streamer_id in ('" + streamer + "', '" + taken + "')")).isZero();
        assertThat(count("select count(*) from public.process_instances")).isEqualTo(instances);
        assertThat(count("select count(*) from governance.process_events where process_id = 'streamerOnboarding'")).isEqualTo(events);
        assertThat(status(taken)).as("the existing streamer is untouched").isEqualTo("ACTIVE");
    }

    // ------------------------------------------------------------------ steps of the story

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> proposal(String streamer, String tier) {
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", streamer);
        start.put("displayName", "Host " + streamer);
        start.put("tier", tier);
        start.put("category", "beauty");
        start.put("opsManager", "mia");
        start.put("startDate", "2026-12-01");
        start.put("subAccountHandle", "@" + streamer);
        start.put("initiatedBy", "hanna");
        start.put("terms", enforceableTerms());
        return start;
    }

    /** 18 months at exactly 30 % of a 20,000 income, damages 2.5 times the revenue, both clauses. */
    private static Map<String, Object> enforceableTerms() {
        Map<String, Object> terms = new HashMap<>();
        terms.put("nonCompeteMonths", 18);
        terms.put("monthlyCompensation", 6000.0);
        terms.put("averageMonthlyIncome", 20000.0);
        terms.put("annualRevenue", 500000.0);
        terms.put("liquidatedDamagesMultiple", 2.5);
        terms.put("ipInvestment", "COMPANY_FUNDED");
        terms.put("ownershipClause", true);
        terms.put("confidentialityList", true);
        return terms;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> review(String decision, String comment) {
        return Map.of("reviewDecision", decision, "reviewComment", comment);
    }

    private static String start(Map<String, Object> body) {
        return given(app.api()).body(body).when().post("/" + StreamerOnboarding.PROCESS_ID)
                .then().statusCode(201).extract().path("id");
    }

    private static void refused(Map<String, Object> body, String because) {
        given(app.api()).body(body).when().post("/" + StreamerOnboarding.PROCESS_ID)
                .then().statusCode(400).body("detail", containsString(because));
    }

    private static void draft(String id, Map<String, Object> terms) {
        tasks.complete(tasks.awaitTaskFor(id, "hr", DRAFT), "hanna", "hr", terms);
    }

    private static void sign(String id, String streamer) {
        tasks.complete(tasks.awaitTaskOf(id, streamer, "streamer", "SignContract"), streamer, "streamer",
                Map.of("contractAccepted", true, "signature", "Host " + streamer));
    }

    private static void train(String id, String streamer) {
        tasks.complete(tasks.awaitTaskOf(id, streamer, "streamer", "CompleteTraining"), streamer, "streamer", Map.of("trainingCompleted", true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputs(Map<String, Object> task) {
        return (Map<String, Object>) task.get("inputs");
    }

    private static String status(String streamer) {
        return app.jdbc().queryForObject("select status from governance.streamers where id = ?", String.class, streamer);
    }

    private static String decisionVersion(String name) {
        return given(app.api()).get("/decisions").then().statusCode(200).extract().path("find { it.name == '" + name + "' }.version");
    }

    private static long count(String sql) {
        return app.jdbc().queryForObject(sql, Long.class);
    }
}
