package com.livegov.governance.violations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paths of {@code violationEscalation.bpmn}, driven over the REST API as operations, managers, legal, HR
 * and the streamer would:
 * <ol>
 * <li>minor ({@code Gateway_Severity}): the ops-manager interviews and warns ({@code Task_Interview}), the
 * streamer acknowledges ({@code Task_AcknowledgeWarning}, the streamer's own task) and completes the training
 * ({@code Task_ViolationTraining}), {@code End_Warned};</li>
 * <li>moderate, approved: the suspension and the downgrade of the sub-account are approved through
 * {@code accountActionApproval} ({@code CallActivity_SuspendLive}, {@code CallActivity_Downgrade}; the case waits
 * at {@code Catch_ApprovalsConcluded}, which no client can signal), the fine is imposed with the suspension's
 * approval, the streamer signs the written commitment, and {@code Timer_SuspensionEnds} restores live streaming
 * ({@code Task_RestoreLive}), {@code End_MeasuresCompleted};</li>
 * <li>moderate, rejected: the approvals escalate to the director when the ops-manager's time runs out, the
 * director rejects the suspension: nothing is suspended, the fine is withdrawn, {@code End_SuspensionRejected};</li>
 * <li>severe: every active sub-account is paused in the start request, before any approval
 * ({@code CallActivity_EmergencyPause}: executed first, ratified by ops-manager and director), legal starts
 * proceedings and publishes the notice, operations chooses where the fans go (a wrong target comes back), the
 * fans are moved, HR prepares the terms and the offboarding starts, {@code End_OffboardingStarted};</li>
 * <li>severe, not ratified: the pause is lifted ({@code Task_LiftPause}), {@code End_PauseNotRatified};</li>
 * <li>a bad report (unknown streamer, unknown kind, negative numbers, missing fields, wrong types) answers 400
 * and leaves nothing: no violation, no process instance, no account changed.</li>
 * </ol>
 * One day of suspension lasts two seconds here ({@code governance.violation.suspension-day=PT2S}).
 */
class ViolationEscalationIT {

    private static final String PROCESS = ViolationEscalation.PROCESS_ID;
    private static final String MAIN_ACCOUNT = "brand-main";
    private static final Duration SUSPENSION_DAY = Duration.ofSeconds(2);

    private static RunningApp app;
    private static ApprovalClient tasks;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase(), "governance.violation.suspension-day=PT2S");
        tasks = new ApprovalClient(app);
        TestStreamers.mainAccount(app, MAIN_ACCOUNT);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    // --- the story steps -----------------------------------------------------------------------------

    /** A new streamer with one sub-account per suffix; returns the streamer id. */
    private static String streamerWith(String... accountSuffixes) {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, Stream.of(accountSuffixes).map(s -> streamer + "-" + s).toArray(String[]::new));
        return streamer;
    }

    /** A report from operations with every ViolationSeverity input at its quiet value. */
    private static Map<String, Object> report(String streamer, String kind) {
        Map<String, Object> report = new HashMap<>();
        report.put("streamerId", streamer);
        report.put("violationKind", kind);
        report.put("source", "OPERATIONS");
        report.put("reportedBy", "otto");
        report.put("evidence", Map.of("recording", "live-2026-11-20-2100.mp4", "minute", 42, "seenBy", "otto"));
        report.put("fanLossRate", 0.0);
        report.put("interactionDrop", 0.0);
        report.put("priorViolations", 0);
        report.put("diversionCount", 0);
        report.put("estimatedLoss", 0.0);
        return report;
    }

    private static Map<String, Object> report(String streamer, String kind, Consumer<Map<String, Object>> change) {
        Map<String, Object> report = report(streamer, kind);
        change.accept(report);
        return report;
    }

    private static String start(Map<String, Object> report) {
        return given(app.api()).body(report).when().post("/" + PROCESS).then().statusCode(201).extract().path("id");
    }

    private static JsonPath violation(String violationId) {
        return given(app.api()).get("/violations/{id}", violationId).then().statusCode(200).extract().jsonPath();
    }

    /** The approval the violation requested for the action (on its only or first account). */
    private static String approvalOf(String violationId, String action) {
        return approvalsOf(violationId, action).get(0);
    }

    private static List<String> approvalsOf(String violationId, String action) {
        return violation(violationId).getList("approvals.findAll { it.action == '" + action + "' }.approvalInstanceId");
    }

    /** The ops-manager approves the first level, the director the second. */
    private static void approveAtBothLevels(String approval) {
        tasks.decide(tasks.awaitTaskFor(approval, "ops-manager"), "mia", "ops-manager", new Decision(true, "evidence is clear"));
        tasks.decide(tasks.awaitTaskFor(approval, "director"), "dora", "director", new Decision(true, "agreed with the measure"));
    }

    private static String status(String account) {
        return app.jdbc().queryForObject("select status from governance.accounts where id = ?", String.class, account);
    }

    private static long fans(String account) {
        return app.jdbc().queryForObject("select fans from governance.accounts where id = ?", Long.class, account);
    }

    private static List<Map<String, Object>> actionsOn(String account) {
        return app.jdbc().queryForList("""
                select action, actor, approval_reference, executed_at from governance.account_actions
                where account_id = ? order by executed_at""", account);
    }

    private static long count(String sql, Object... arguments) {
        return app.jdbc().queryForObject(sql, Long.class, arguments);
    }

    // --- minor ---------------------------------------------------------------------------------------

    @Test
    void minorFirstDiversionIsWarnedInTheInterviewAcknowledgedByTheStreamerAndTrained() {
        String streamer = streamerWith("live");
        String id = start(report(streamer, "OFF_PLATFORM_DIVERSION", r -> r.put("diversionCount", 1)));

        JsonPath decided = violation(id);
        assertThat(decided.getString("severity")).isEqualTo("MINOR");
        assertThat(decided.getString("fineStatus")).isEqualTo("NONE");
        assertThat(decided.getString("decisionVersion")).hasSize(64);
        assertThat(app.jdbc().queryForMap("select decision, caller_id from governance.decision_evaluations where id = ?",
                decided.getLong("decisionEvaluationId")))
                .containsEntry("decision", "ViolationSeverity").containsEntry("caller_id", id);

        tasks.complete(tasks.awaitTaskFor(id, "ops-manager", "ViolationInterview"), "mia", "ops-manager",
                Map.of("interviewNotes", "Named a personal account once; told that the audience stays on company accounts.",
                        "trainingCourse", "PLATFORM_RULES"));
        Map<String, Object> acknowledgement = tasks.awaitTaskOf(id, streamer, "streamer", "AcknowledgeWarning");
        assertThat(tasks.tasksFor(id, "another-host", "streamer")).as("only the streamer sees their own task").isEmpty();
        tasks.complete(acknowledgement, streamer, "streamer", Map.of("warningAcknowledged", true, "streamerStatement", "Understood."));
        tasks.complete(tasks.awaitTaskOf(id, streamer, "streamer", "ViolationTraining"), streamer, "streamer",
                Map.of("trainingCompleted", true));

        assertThat(tasks.awaitEnded(PROCESS, id))
                .containsSubsequence("Task_OpenCase", "Task_DetermineSeverity", "Task_Interview", "Task_AcknowledgeWarning",
                        "Task_ViolationTraining", "End_Warned");
        JsonPath closed = violation(id);
        assertThat(closed.getString("outcome")).isEqualTo("WARNED_AND_TRAINED");
        assertThat(closed.getString("closedAt")).isNotNull();
        assertThat(status(streamer + "-live")).isEqualTo("ACTIVE");
        assertThat(actionsOn(streamer + "-live")).as("a warning changes no account").isEmpty();
    }

    // --- moderate ------------------------------------------------------------------------------------

    @Test
    void moderateIllegalContentIsSuspendedAfterApprovalTheStreamerCommitsAndTheTimerRestoresLive() {
        String streamer = streamerWith("live");
        String account = streamer + "-live";
        String id = start(report(streamer, "ILLEGAL_CONTENT", r -> r.put("estimatedLoss", 5000.0)));

        JsonPath decided = violation(id);
        assertThat(decided.getString("severity")).isEqualTo("MODERATE");
        assertThat(decided.getDouble("fine")).isEqualTo(2000.0);
        assertThat(decided.getString("fineStatus")).isEqualTo("AWAITING_APPROVAL");
        assertThat(decided.getList("approvals.action")).containsExactlyInAnyOrder("SUSPEND_LIVE", "DOWNGRADE_PERMISSIONS");
        assertThat(actionsOn(account)).as("nothing happens before the approval").isEmpty();
        String suspension = approvalOf(id, "SUSPEND_LIVE");
        String downgrade = approvalOf(id, "DOWNGRADE_PERMISSIONS");
        given(app.api()).body(Map.of()).when().post("/" + PROCESS + "/{id}/approvalsConcluded", id)
                .then().statusCode(403);

        approveAtBothLevels(suspension);
        approveAtBothLevels(downgrade);

        await().atMost(Duration.ofSeconds(10)).until(() -> actionsOn(account).size() >= 2);
        assertThat(app.jdbc().queryForList("""
                select level from governance.permission_grants where account_id = ? and revoked_at is null and data_export = false""",
                String.class, account)).containsExactly("STREAMER_BASIC");
        JsonPath approved = violation(id);
        assertThat(approved.getString("fineStatus")).isEqualTo("IMPOSED");
        assertThat(approved.getString("fineApproval")).isEqualTo(suspension);
        assertThat(approved.getList("approvals.outcome")).containsOnly("APPROVED");

        tasks.complete(tasks.awaitTaskOf(id, streamer, "streamer", "WrittenCommitment"), streamer, "streamer",
                Map.of("commitmentText", "I keep my audience on the company's accounts and follow advertising law.",
                        "commitmentSigned", true));

        assertThat(tasks.awaitEnded(PROCESS, id)).contains("CallActivity_SuspendLive", "CallActivity_Downgrade", "Task_ReviewApprovals",
                "Task_WrittenCommitment", "Timer_SuspensionEnds", "Task_RestoreLive", "End_MeasuresCompleted");
        assertThat(status(account)).isEqualTo("ACTIVE");
        List<Map<String, Object>> actions = actionsOn(account);
        assertThat(actions).extracting(action -> action.get("action"))
                .containsExactlyInAnyOrder("SUSPEND_LIVE", "DOWNGRADE_PERMISSIONS", "RESTORE_LIVE");
        Map<String, Object> suspended = actions.stream().filter(a -> a.get("action").equals("SUSPEND_LIVE")).findFirst().orElseThrow();
        Map<String, Object> restored = actions.stream().filter(a -> a.get("action").equals("RESTORE_LIVE")).findFirst().orElseThrow();
        assertThat(restored).containsEntry("actor", "process:" + PROCESS).containsEntry("approval_reference", suspension);
        assertThat(Duration.between(((java.sql.Timestamp) suspended.get("executed_at")).toInstant(),
                ((java.sql.Timestamp) restored.get("executed_at")).toInstant()))
                .as("restored when one day of suspension had passed").isGreaterThanOrEqualTo(SUSPENSION_DAY);
        assertThat(violation(id).getString("outcome")).isEqualTo("SUSPENDED_AND_RESTORED");
    }

    @Test
    void moderateApprovalsEscalateToTheDirectorWhoRejectsTheSuspensionSoNothingIsSuspendedAndTheFineIsWithdrawn() {
        String streamer = streamerWith("live");
        String account = streamer + "-live";
        String id = start(report(streamer, "ILLEGAL_CONTENT",
                r -> r.put("approvalDeadlines", Map.of("level1Deadline", "PT1S", "level2Deadline", "PT1H"))));
        String suspension = approvalOf(id, "SUSPEND_LIVE");
        String downgrade = approvalOf(id, "DOWNGRADE_PERMISSIONS");

        // the ops-manager does not act: after a second each request is the director's
        tasks.decide(tasks.awaitTaskFor(suspension, "director"), "dora", "director", new Decision(false, "a warning is enough this time"));
        tasks.decide(tasks.awaitTaskFor(downgrade, "director"), "dora", "director", new Decision(true, "no data export for now"));

        assertThat(tasks.awaitEnded(PROCESS, id)).contains("Task_ReviewApprovals", "Task_CloseRejected", "End_SuspensionRejected")
                .doesNotContain("Task_WrittenCommitment", "Timer_SuspensionEnds");
        assertThat(tasks.nodesPassed(suspension)).contains("Timer_Level1Deadline", "End_RejectedAtLevel2");
        assertThat(status(account)).isEqualTo("ACTIVE");
        assertThat(actionsOn(account)).extracting(action -> action.get("action")).containsExactly("DOWNGRADE_PERMISSIONS");
        JsonPath closed = violation(id);
        assertThat(closed.getString("fineStatus")).isEqualTo("WITHDRAWN");
        assertThat(closed.getString("outcome")).isEqualTo("SUSPENSION_REJECTED");
        assertThat(closed.getString("approvals.find { it.action == 'SUSPEND_LIVE' }.outcome")).isEqualTo("REJECTED");
        assertThat(closed.getString("approvals.find { it.action == 'DOWNGRADE_PERMISSIONS' }.outcome")).isEqualTo("APPROVED");
    }

    // --- severe --------------------------------------------------------------------------------------

    @Test
    void severeCompetitorWorkPausesEveryAccountAtOnceThenLegalRatificationTransferAndOffboarding() {
        String streamer = streamerWith("live", "shop");
        List<String> accounts = List.of(streamer + "-live", streamer + "-shop");
        String backupAccount = streamer + "-backup-live";
        TestStreamers.backup(app, streamer, streamer + "-backup", backupAccount, 1);

        String id = start(report(streamer, "WORKING_FOR_COMPETITOR"));

        assertThat(accounts).as("paused by the start request itself").allSatisfy(account -> {
            assertThat(status(account)).isEqualTo("PAUSED");
            assertThat(actionsOn(account)).extracting(action -> action.get("action")).containsExactly("EMERGENCY_PAUSE");
        });
        List<String> ratifications = approvalsOf(id, "EMERGENCY_PAUSE");
        assertThat(ratifications).hasSize(2);
        assertThat(count("""
                select count(*) from governance.process_events where event_type = 'TASK_COMPLETED' and process_instance_id in (?, ?)""",
                ratifications.get(0), ratifications.get(1))).as("paused before any approval").isZero();

        tasks.complete(tasks.awaitTaskFor(id, "legal", "LegalProceedings"), "lena", "legal", Map.of("caseReference", "CASE-2026-0042"));
        tasks.complete(tasks.awaitTaskFor(id, "legal", "PublicNotice"), "lena", "legal",
                Map.of("noticeReference", "Company notice board, 2026-11-24"));
        ratifications.forEach(ViolationEscalationIT::approveAtBothLevels);

        Map<String, Object> choice = tasks.awaitTaskFor(id, "ops", "ChooseTransferTarget");
        tasks.complete(choice, "otto", "ops", Map.of("transferTarget", "somewhere-else"));
        Map<String, Object> again = tasks.awaitTaskFor(id, "ops", "ChooseTransferTarget");
        assertThat(again.get("id")).as("a new task after the refused target").isNotEqualTo(choice.get("id"));
        assertThat(given(app.api()).queryParam("user", "otto").queryParam("group", "ops")
                .get("/usertasks/instance/{id}", again.get("id")).then().statusCode(200).extract().jsonPath().getString("inputs.transferProblem"))
                .contains("somewhere-else", backupAccount, MAIN_ACCOUNT);
        tasks.complete(again, "otto", "ops", Map.of("transferTarget", backupAccount));

        await().atMost(Duration.ofSeconds(10)).until(() -> fans(backupAccount) == 15_000);
        assertThat(accounts).allSatisfy(account -> assertThat(fans(account)).isZero());
        tasks.complete(tasks.awaitTaskFor(id, "hr", "PrepareOffboarding"), "hanna", "hr", Map.of("averageMonthlyIncome", 20000,
                "annualRevenue", 500000, "requestedNonCompeteMonths", 18, "ipInvestment", "COMPANY_FUNDED"));

        assertThat(tasks.awaitEnded(PROCESS, id)).contains("CallActivity_EmergencyPause", "Task_LegalProceedings", "Task_PublicNotice",
                "Task_ReviewRatification", "Task_ChooseTransferTarget", "Task_TransferFans", "Task_PrepareOffboarding",
                "Task_StartOffboarding", "End_OffboardingStarted");
        JsonPath closed = violation(id);
        assertThat(closed.getString("outcome")).isEqualTo("OFFBOARDING_STARTED");
        assertThat(closed.getList("approvals.outcome")).containsOnly("APPROVED");
        String offboarding = closed.getString("offboardingId");
        assertThat(count("select count(*) from governance.offboardings where process_instance_id = ? and streamer_id = ?", offboarding, streamer))
                .isEqualTo(1);
        assertThat(tasks.isActive("streamerOffboarding", offboarding)).as("the offboarding runs its own 24 hours").isTrue();
        assertThat(accounts).as("the offboarding closed every account").allSatisfy(account -> assertThat(status(account)).isEqualTo("DISABLED"));
        assertThat(actionsOn(accounts.get(0))).filteredOn(action -> action.get("action").equals("TRANSFER_FANS"))
                .singleElement().satisfies(transfer -> assertThat(ratifications).contains((String) transfer.get("approval_reference")));
    }

    @Test
    void severeDataExportWhosePauseIsNotRatifiedGoesLiveAgainAndNothingElseHappens() {
        String streamer = streamerWith("live");
        String account = streamer + "-live";
        String id = start(report(streamer, "DATA_EXPORT_ATTEMPT"));
        assertThat(status(account)).isEqualTo("PAUSED");

        tasks.decide(tasks.awaitTaskFor(approvalOf(id, "EMERGENCY_PAUSE"), "ops-manager"), "mia", "ops-manager",
                new Decision(false, "the export was an authorised report"));
        tasks.complete(tasks.awaitTaskFor(id, "legal", "LegalProceedings"), "lena", "legal", Map.of("caseReference", "CASE-2026-0043"));
        tasks.complete(tasks.awaitTaskFor(id, "legal", "PublicNotice"), "lena", "legal", Map.of("noticeReference", "not published: withdrawn"));

        assertThat(tasks.awaitEnded(PROCESS, id)).contains("Task_ReviewRatification", "Task_LiftPause", "End_PauseNotRatified")
                .doesNotContain("Task_ChooseTransferTarget", "Task_StartOffboarding");
        assertThat(status(account)).isEqualTo("ACTIVE");
        assertThat(actionsOn(account)).extracting(action -> action.get("action")).containsExactly("EMERGENCY_PAUSE", "RESTORE_LIVE");
        JsonPath closed = violation(id);
        assertThat(closed.getString("outcome")).isEqualTo("PAUSE_NOT_RATIFIED");
        assertThat(closed.getString("offboardingId")).isNull();
    }

    // --- bad reports ---------------------------------------------------------------------------------

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("an unknown streamer", r -> r.put("streamerId", "nobody-" + UUID.randomUUID()), "nobody-"),
                bad("an unknown violation kind", r -> r.put("violationKind", "BEING_LATE"), "violationKind"),
                bad("a negative fan loss rate", r -> r.put("fanLossRate", -5.0), "fanLossRate"),
                bad("negative prior violations", r -> r.put("priorViolations", -1), "priorViolations"),
                bad("a missing diversion count", r -> r.remove("diversionCount"), "diversionCount"),
                bad("no evidence", r -> r.remove("evidence"), "evidence"),
                bad("an unknown source", r -> r.put("source", "RUMOUR"), "source"),
                bad("a fan loss rate that is not a number", r -> r.put("fanLossRate", "a lot"), ""));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, String named) {
        return Arguments.of(Named.of(what, change), named);
    }

    @ParameterizedTest
    @MethodSource("badReports")
    void aBadReportIsRefusedWith400AndLeavesNothing(Consumer<Map<String, Object>> change, String named) {
        String streamer = streamerWith("live");
        long instances = count("select count(*) from public.process_instances");
        long violations = count("select count(*) from governance.violations");

        given(app.api()).body(report(streamer, "WORKING_FOR_COMPETITOR", change)).when().post("/" + PROCESS)
                .then().statusCode(400).body(containsString(named));

        assertThat(count("select count(*) from public.process_instances")).isEqualTo(instances);
        assertThat(count("select count(*) from governance.violations")).isEqualTo(violations);
        assertThat(count("select count(*) from governance.process_subjects where streamer_id = ?", streamer)).isZero();
        assertThat(status(streamer + "-live")).as("a severe report refused pauses nothing").isEqualTo("ACTIVE");
        assertThat(count("select count(*) from governance.account_actions where account_id = ?", streamer + "-live")).isZero();
    }
}
