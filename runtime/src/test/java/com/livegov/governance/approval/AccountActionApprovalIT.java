package com.livegov.governance.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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

/**
 * Every path of {@code accountActionApproval.bpmn}, driven over the REST API:
 * <ol>
 * <li>approved at both levels: {@code End_Approved};</li>
 * <li>rejected at the first level: {@code End_RejectedAtLevel1};</li>
 * <li>rejected at the second level: {@code End_RejectedAtLevel2};</li>
 * <li>first-level deadline ({@code Timer_Level1Deadline}) escalates to the second level's group;</li>
 * <li>second-level deadline ({@code Timer_Level2Deadline}) escalates to the escalation group, who approves:
 * {@code End_ApprovedOnEscalation};</li>
 * <li>... or rejects: {@code End_RejectedOnEscalation}.</li>
 * </ol>
 * A request the decision cannot take (an unknown action) is refused with 400 and leaves nothing behind.
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
        long before = instancesStored();

        given(app.api()).body(unknown)
                .when().post("/" + AccountActionApproval.PROCESS_ID)
                .then().statusCode(400)
                .body("input", equalTo("action"))
                .body("detail", containsString("DELETE_THE_STREAMER"));

        assertThat(instancesStored()).isEqualTo(before);
    }

    private static long instancesStored() {
        return app.jdbc().queryForObject("select count(*) from public.process_instances", Long.class);
    }

    @Test
    void cancellationApprovedByOpsManagerThenLegalEndsApproved() {
        String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(LONG, LONG));

        Map<String, Object> first = approvals.awaitTaskFor(id, "ops-manager");
        assertThat(first.get("taskName")).isEqualTo("Level1Approval");
        assertThat(first.get("potentialGroups")).isEqualTo(List.of("ops-manager"));
        assertThat(first.get("inputs")).isEqualTo(Map.of("action", "CANCEL_ACCOUNT", "severity", "NONE", "accountKind", "SUB_ACCOUNT",
                "subject", "sub-account-7", "reason", "diverted viewers to a personal account", "requestedBy", "olga"));
        approvals.decide(first, "mia", "ops-manager", new Decision(true, "evidence is clear"));

        Map<String, Object> second = approvals.awaitTaskFor(id, "legal");
        assertThat(second.get("taskName")).isEqualTo("Level2Approval");
        approvals.decide(second, "lena", "legal", new Decision(true, "lawful under clause 7"));

        assertThat(approvals.awaitEnded(id))
                .containsSubsequence("Task_DetermineApprovalChain", "Task_Level1Approval", "Task_Level2Approval", "End_Approved")
                .doesNotContain("Timer_Level1Deadline", "Timer_Level2Deadline", "Task_EscalatedApproval");
    }

    @Test
    void rejectionAtFirstLevelEndsTheRequestWithoutAskingTheSecond() {
        String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(LONG, LONG));

        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "mia", "ops-manager", new Decision(false, "no evidence"));

        assertThat(approvals.awaitEnded(id)).endsWith("End_RejectedAtLevel1").doesNotContain("Task_Level2Approval");
        assertThat(approvals.taskFor(id, "legal")).isEmpty();
    }

    @Test
    void suspensionRejectedByDirectorAtSecondLevelEndsRejected() {
        String id = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withDeadlines(LONG, LONG));

        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "mia", "ops-manager", new Decision(true, "agree"));
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
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "mia", "ops-manager", new Decision(true, "agree"));

        Map<String, Object> escalated = approvals.awaitTaskFor(id, "director");

        assertThat(escalated.get("taskName")).isEqualTo("EscalatedApproval");
        assertThat(approvals.taskFor(id, "legal")).isEmpty();
        approvals.decide(escalated, "dora", "director", new Decision(true, "legal did not answer in time"));
        assertThat(approvals.awaitEnded(id))
                .containsSubsequence("Task_Level2Approval", "Timer_Level2Deadline", "Task_EscalatedApproval", "End_ApprovedOnEscalation");
    }

    @Test
    void escalationGroupRejectsAndTheRequestEndsRejected() {
        String id = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withDeadlines(LONG, SHORT));
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "mia", "ops-manager", new Decision(true, "agree"));

        Map<String, Object> escalated = approvals.awaitTaskFor(id, "admin");
        approvals.decide(escalated, "adam", "admin", new Decision(false, "not proportionate"));

        assertThat(approvals.awaitEnded(id)).endsWith("End_RejectedOnEscalation");
    }
}
