package com.livegov.governance.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.livegov.governance.approval.AccountActionApproval;

/**
 * Drives the account-action approval over the public REST API, as a client would: start a request, find the
 * task of a group, claim it, complete it with a decision, read the history.
 */
public final class ApprovalClient {

    /** A request for an account action, as the start endpoint takes it. */
    public record ApprovalRequest(String action, String severity, String accountKind, String subject, String reason,
            String requestedBy, Map<String, Object> parameters, Map<String, String> requestedDeadlines) {

        /** An action on a new streamer's sub-account (opened when the request is sent), with no violation behind it. */
        public static ApprovalRequest of(String action) {
            return new ApprovalRequest(action, "NONE", "SUB_ACCOUNT", "sub-" + UUID.randomUUID().toString().substring(0, 8),
                    "diverted viewers to a personal account", "olga", Map.of(), null);
        }

        public ApprovalRequest onAccount(String accountId) {
            return new ApprovalRequest(action, severity, accountKind, accountId, reason, requestedBy, parameters, requestedDeadlines);
        }

        public ApprovalRequest withParameters(Map<String, Object> actionParameters) {
            return new ApprovalRequest(action, severity, accountKind, subject, reason, requestedBy, actionParameters, requestedDeadlines);
        }

        public ApprovalRequest withDeadlines(String level1, String level2) {
            return new ApprovalRequest(action, severity, accountKind, subject, reason, requestedBy, parameters,
                    Map.of("level1Deadline", level1, "level2Deadline", level2));
        }
    }

    /** The decision a user enters in an approval form. */
    public record Decision(boolean approved, String comment) {
    }

    private static final Duration TASK_WAIT = Duration.ofSeconds(20);

    private final RunningApp app;

    public ApprovalClient(RunningApp app) {
        this.app = app;
    }

    /** Opens the request's account if it does not exist yet, starts an approval and returns the process instance id. */
    public String request(ApprovalRequest request) {
        openAccount(request.subject());
        return given(app.api()).body(request)
                .when().post("/" + AccountActionApproval.PROCESS_ID)
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Opens a sub-account (and its streamer) unless it exists. */
    public void openAccount(String accountId) {
        Integer existing = app.jdbc().queryForObject("select count(*) from governance.accounts where id = ?", Integer.class, accountId);
        if (existing == 0) {
            TestStreamers.streamerWithSubAccounts(app, "streamer-of-" + accountId, accountId);
        }
    }

    /** The account's status. */
    public String accountStatus(String accountId) {
        return app.jdbc().queryForObject("select status from governance.accounts where id = ?", String.class, accountId);
    }

    /** How many actions were executed on the account. */
    public int actionsOn(String accountId) {
        return app.jdbc().queryForObject("select count(*) from governance.account_actions where account_id = ?", Integer.class, accountId);
    }

    /** The open task of this process instance that the group sees, if any. */
    public Optional<Map<String, Object>> taskFor(String processInstanceId, String group) {
        return tasksFor(processInstanceId, group).stream().findFirst();
    }

    /** Waits until the group has a task of this process instance, and returns it. */
    public Map<String, Object> awaitTaskFor(String processInstanceId, String group) {
        return await().atMost(TASK_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> taskFor(processInstanceId, group), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the group has the named task of this process instance, and returns it. */
    public Map<String, Object> awaitTaskFor(String processInstanceId, String group, String taskName) {
        return await().atMost(TASK_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> tasksFor(processInstanceId, group).stream().filter(task -> taskName.equals(task.get("taskName"))).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Waits until the user (for example a streamer, whose own task is assigned to them by name) has the named
     * task of this process instance, and returns it.
     */
    public Map<String, Object> awaitTaskForUser(String processInstanceId, String user, String group, String taskName) {
        return await().atMost(TASK_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> tasksFor(processInstanceId, user, group).stream().filter(task -> taskName.equals(task.get("taskName"))).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The open tasks of this process instance that the user, in the group, sees. */
    public List<Map<String, Object>> tasksFor(String processInstanceId, String user, String group) {
        List<Map<String, Object>> tasks = given(app.api())
                .queryParam("user", user).queryParam("group", group)
                .when().get("/usertasks/instance")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        return tasks.stream()
                .filter(task -> processInstanceId.equals(((Map<?, ?>) task.get("metadata")).get("ProcessInstanceId")))
                .toList();
    }

    private List<Map<String, Object>> tasksFor(String processInstanceId, String group) {
        return tasksFor(processInstanceId, "someone-in-" + group, group);
    }

    /** A member of the group claims the task and completes it with the decision. */
    public void decide(Map<String, Object> task, String user, String group, Decision decision) {
        complete(task, user, group, decision);
    }

    /**
     * A member of the group claims the task and completes it with the data of its form. A task assigned to
     * one person by name (a streamer's own task) is theirs already and is completed without claiming.
     */
    public void complete(Map<String, Object> task, String user, String group, Object data) {
        String taskId = (String) task.get("id");
        if (!user.equals(task.get("actualOwner"))) {
            given(app.api()).queryParam("user", user).queryParam("group", group)
                    .body(Map.of("transitionId", "claim"))
                    .when().post("/usertasks/instance/{id}/transition", taskId)
                    .then().statusCode(200);
        }
        given(app.api()).queryParam("user", user).queryParam("group", group)
                .body(Map.of("transitionId", "complete", "data", data))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(200);
    }

    /** Whether Kogito still holds the approval (it deletes an instance when it ends). */
    public boolean isActive(String processInstanceId) {
        return isActive(AccountActionApproval.PROCESS_ID, processInstanceId);
    }

    /** Whether Kogito still holds the instance of the process (it deletes an instance when it ends). */
    public boolean isActive(String processId, String processInstanceId) {
        int status = given(app.api()).when().get("/" + processId + "/{id}", processInstanceId)
                .then().extract().statusCode();
        return status == 200;
    }

    /**
     * The BPMN element ids the instance passed through, in the order of their first event in the history
     * (an event node such as a boundary timer is only seen leaving).
     */
    public List<String> nodesPassed(String processInstanceId) {
        List<String> nodeIds = given(app.api()).when().get("/history/process-instances/{id}", processInstanceId)
                .then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.nodeId != null }.nodeId");
        return nodeIds.stream().distinct().toList();
    }

    /** Waits until the approval has ended and returns the elements it went through. */
    public List<String> awaitEnded(String processInstanceId) {
        return awaitEnded(AccountActionApproval.PROCESS_ID, processInstanceId);
    }

    /** Waits until the instance of the process has ended and returns the elements it went through. */
    public List<String> awaitEnded(String processId, String processInstanceId) {
        await().atMost(TASK_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !isActive(processId, processInstanceId));
        return nodesPassed(processInstanceId);
    }
}
