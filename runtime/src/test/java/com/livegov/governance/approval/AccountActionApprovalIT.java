package com.livegov.governance.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Every path of {@code accountActionApproval.bpmn}, driven over the REST API:
 * <ol>
 * <li>approved at both levels: the action is executed ({@code Task_ExecuteAction}), {@code End_Approved};</li>
 * <li>rejected at the first level: {@code End_RejectedAtLevel1};</li>
 * <li>rejected at the second level: {@code End_RejectedAtLevel2};</li>
 * <li>first-level deadline ({@code Timer_Level1Deadline}) escalates to the second level's group;</li>
 * <li>second-level deadline ({@code Timer_Level2Deadline}) escalates to the escalation group, who approves:
 * the action is executed, {@code End_Approved};</li>
 * <li>... or rejects: {@code End_RejectedOnEscalation};</li>
 * <li>an emergency pause is executed first ({@code Task_ExecuteAtOnce}) and ratified by the approval, once.</li>
 * </ol>
 * A request for an unknown action or an unknown account is refused with 400 and
 * leaves nothing behind; a rejected action is never executed. Separation of duties: the requester cannot
 * take their own request, nobody takes two levels of one request (403 with the reason).
 * The groups come from the ApprovalChain decision (CANCEL_ACCOUNT: ops-manager, legal, director;
 * SUSPEND_LIVE: ops-manager, director, admin).
 */
class AccountActionApprovalIT {

    private static final String LONG = "PT1H";
    private static final String SHORT = "PT1S";

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

    @Test
    void requestForAnUnknownActionIsRefusedAndLeavesNoInstance() {
        ApprovalRequest unknown = ApprovalRequest.of("DELETE_THE_STREAMER");
        approvals.openAccount(unknown.subject());
        long before = instancesStored();

        given(app.api()).body(unknown)
                .when().post("/" + AccountActionApproval.PROCESS_ID)
                .then().statusCode(400)
                .body("detail", containsString("DELETE_THE_STREAMER"));

        assertThat(instancesStored()).isEqualTo(before);
    }

    @Test
    void requestForAnUnknownAccountIsRefusedAndLeavesNoInstance() {
        long before = instancesStored();

        given(app.api()).body(ApprovalRequest.of("DISABLE").onAccount("no-such-account"))
                .when().post("/" + AccountActionApproval.PROCESS_ID)
                .then().statusCode(400)
                .body("detail", containsString("no-such-account"));

        assertThat(instancesStored()).isEqualTo(before);
    }

    @Test
    void emergencyPauseIsExecutedAtOnceAndRatifiedAfterwards() {
        ApprovalRequest request = ApprovalRequest.of("EMERGENCY_PAUSE").withDeadlines(LONG, LONG);
        String id = approvals.request(request);

        Map<String, Object> ratification = approvals.awaitTaskFor(id, "ops-manager");
        assertThat(approvals.accountStatus(request.subject())).as("paused before anyone approved").isEqualTo("PAUSED");
        approvals.decide(ratification, "nora", "ops-manager", new Decision(true, "diversion confirmed on the recording"));
        approvals.decide(approvals.awaitTaskFor(id, "director"), "dora", "director", new Decision(true, "ratified"));

        assertThat(approvals.awaitEnded(id)).containsSubsequence("Task_ExecuteAtOnce", "Task_Level1Approval", "Task_Level2Approval",
                "Task_ExecuteAction", "End_Approved");
        assertThat(approvals.accountStatus(request.subject())).isEqualTo("PAUSED");
        assertThat(approvals.actionsOn(request.subject())).as("executed once, not again on approval").isEqualTo(1);
    }

    @Test
    void badDecisionSubmissionAnswers400AndTheTaskStaysOpen() {
        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        Map<String, Object> task = approvals.awaitTaskFor(id, "ops-manager");
        String taskId = (String) task.get("id");
        given(app.api()).queryParam("user", "nora").queryParam("group", "ops-manager").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", taskId).then().statusCode(200);

        given(app.api()).queryParam("user", "nora").queryParam("group", "ops-manager")
                .body(Map.of("transitionId", "complete", "data", Map.of("approved", "maybe", "reward", 5)))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(400)
                .body("title", equalTo("Invalid task submission"))
                .body("errors.field", hasItems("approved", "comment", "reward"));

        assertThat(approvals.taskFor(id, "ops-manager")).as("the task stays open").isPresent();
        assertThat(approvals.nodesPassed(id)).doesNotContain("Gateway_Level1Decision");
    }

    @Test
    void completingATaskNobodyClaimedIsAClientError() {
        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        String taskId = (String) approvals.awaitTaskFor(id, "ops-manager").get("id");

        int status = given(app.api()).queryParam("user", "nora").queryParam("group", "ops-manager")
                .body(Map.of("transitionId", "complete", "data", Map.of("approved", true, "comment", "fine by me")))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().extract().statusCode();

        assertThat(status).isEqualTo(409);
        assertThat(approvals.taskFor(id, "ops-manager")).isPresent();
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        String taskId = (String) approvals.awaitTaskFor(id, "ops-manager").get("id");

        given(app.api()).queryParam("user", "olga").queryParam("group", "ops-manager").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(403)
                .body("detail", containsString("olga requested this action"));

        assertThat(approvals.awaitTaskFor(id, "ops-manager").get("actualOwner")).isNull();
    }

    @Test
    void nobodyApprovesTwoLevelsOfOneRequest() {
        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));
        String secondLevel = (String) approvals.awaitTaskFor(id, "director").get("id");

        given(app.api()).queryParam("user", "nora").queryParam("group", "director").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", secondLevel)
                .then().statusCode(403)
                .body("detail", containsString("already approved another level"));

        approvals.decide(approvals.awaitTaskFor(id, "director"), "dora", "director", new Decision(true, "agree"));
        assertThat(approvals.awaitEnded(id)).endsWith("End_Approved");
    }

    private static long instancesStored() {
        return app.jdbc().queryForObject("select count(*) from public.process_instances", Long.class);
    }

    @Test
    void cancellationApprovedByOpsManagerThenLegalIsExecuted() {
        ApprovalRequest request = ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(LONG, LONG);
        String id = approvals.request(request);

        Map<String, Object> first = approvals.awaitTaskFor(id, "ops-manager");
        assertThat(first.get("taskName")).isEqualTo("Level1Approval");
        assertThat(first.get("potentialGroups")).isEqualTo(List.of("ops-manager"));
        assertThat(first.get("inputs")).isEqualTo(Map.of("action", "CANCEL_ACCOUNT", "severity", "NONE", "accountKind", "SUB_ACCOUNT",
                "subject", request.subject(), "reason", "diverted viewers to a personal account", "requestedBy", "olga"));
        approvals.decide(first, "nora", "ops-manager", new Decision(true, "evidence is clear"));

        Map<String, Object> second = approvals.awaitTaskFor(id, "legal");
        assertThat(second.get("taskName")).isEqualTo("Level2Approval");
        approvals.decide(second, "lena", "legal", new Decision(true, "lawful under clause 7"));

        assertThat(approvals.awaitEnded(id))
                .containsSubsequence("Task_VerifyRequest", "Task_DetermineApprovalChain", "Task_Level1Approval", "Task_Level2Approval",
                        "Task_ExecuteAction", "End_Approved")
                .doesNotContain("Timer_Level1Deadline", "Timer_Level2Deadline", "Task_EscalatedApproval", "Task_ExecuteAtOnce");
        assertThat(approvals.accountStatus(request.subject())).isEqualTo("CANCELLED");
        assertThat(approvals.actionsOn(request.subject())).isEqualTo(1);
        given(app.api()).get("/history/streamers/{streamer}", "streamer-of-" + request.subject()).then().statusCode(200)
                .body("nodeId", hasItems("Task_ExecuteAction", "End_Approved"));
    }

    @Test
    void anApprovalFromStartToEndLogsNoWarningOrErrorOfTheEngine() {
        ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
        engineLog.start();
        Logger jbpm = (Logger) LoggerFactory.getLogger("org.jbpm");
        jbpm.addAppender(engineLog);
        try {
            String id = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)).withDeadlines(LONG, LONG));
            approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));
            approvals.decide(approvals.awaitTaskFor(id, "director"), "dora", "director", new Decision(true, "agree"));
            assertThat(approvals.awaitEnded(id)).endsWith("End_Approved");
        } finally {
            jbpm.detachAppender(engineLog);
        }

        assertThat(engineLog.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void rejectionAtFirstLevelEndsTheRequestWithoutAskingTheSecond() {
        ApprovalRequest request = ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(LONG, LONG);
        String id = approvals.request(request);

        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(false, "no evidence"));

        assertThat(approvals.awaitEnded(id)).endsWith("End_RejectedAtLevel1").doesNotContain("Task_Level2Approval", "Task_ExecuteAction");
        assertThat(approvals.taskFor(id, "legal")).isEmpty();
        assertThat(approvals.accountStatus(request.subject())).isEqualTo("ACTIVE");
        assertThat(approvals.actionsOn(request.subject())).isZero();
    }

    @Test
    void suspensionRejectedByDirectorAtSecondLevelEndsRejected() {
        String id = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)).withDeadlines(LONG, LONG));

        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));
        Map<String, Object> second = approvals.awaitTaskFor(id, "director");
        assertThat(second.get("potentialGroups")).isEqualTo(List.of("director"));
        approvals.decide(second, "dora", "director", new Decision(false, "a warning is enough"));

        assertThat(approvals.awaitEnded(id)).endsWith("End_RejectedAtLevel2");
    }

    @Test
    void firstLevelDeadlineEscalatesToTheSecondLevelGroup() {
        String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(SHORT, LONG));

        Map<String, Object> second = approvals.awaitTaskFor(id, "legal");

        assertThat(approvals.taskFor(id, "ops-manager")).as("the expired first-level task is withdrawn").isEmpty();
        assertThat(approvals.nodesPassed(id)).containsSubsequence("Task_Level1Approval", "Timer_Level1Deadline", "Task_Level2Approval");
        approvals.decide(second, "lena", "legal", new Decision(true, "approved after escalation"));
        assertThat(approvals.awaitEnded(id)).endsWith("End_Approved");
    }

    @Test
    void secondLevelDeadlineEscalatesToTheDirectorWhoApproves() {
        String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(LONG, SHORT));
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));

        Map<String, Object> escalated = approvals.awaitTaskFor(id, "director");

        assertThat(escalated.get("taskName")).isEqualTo("EscalatedApproval");
        assertThat(approvals.taskFor(id, "legal")).isEmpty();
        approvals.decide(escalated, "dora", "director", new Decision(true, "legal did not answer in time"));
        assertThat(approvals.awaitEnded(id))
                .containsSubsequence("Task_Level2Approval", "Timer_Level2Deadline", "Task_EscalatedApproval", "Task_ExecuteAction", "End_Approved");
    }

    @Test
    void escalationGroupRejectsAndTheRequestEndsRejected() {
        String id = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)).withDeadlines(LONG, SHORT));
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));

        Map<String, Object> escalated = approvals.awaitTaskFor(id, "admin");
        approvals.decide(escalated, "adam", "admin", new Decision(false, "not proportionate"));

        assertThat(approvals.awaitEnded(id)).endsWith("End_RejectedOnEscalation");
    }
}
