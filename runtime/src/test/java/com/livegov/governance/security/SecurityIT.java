package com.livegov.governance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity and who may do what, over the REST API with real logins (HTTP Basic against the users table).
 */
class SecurityIT {

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
    void withoutLoginEveryEndpointAsksForOneAndABrowserGetsTheLoginForm() {
        given(app.anonymousApi()).when().get("/usertasks/instance")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given(app.anonymousApi()).body(Map.of()).when().post("/decisions/TrafficAlert").then().statusCode(401);
        given(app.anonymousApi()).when().get("/accountActionApproval").then().statusCode(401);
        given(app.anonymousApi()).accept(ContentType.HTML).redirects().follow(false)
                .when().get("/history/streamers/anyone")
                .then().statusCode(302).header("Location", containsString("/login"));
        given(app.anonymousApi()).accept(ContentType.HTML).when().get("/login")
                .then().statusCode(200).body(containsString("password"));
        given(app.anonymousApi()).when().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aWrongPasswordIsRefusedAndRecordedInWordsButRepeatedFailuresDoNotGrowTheTrail() {
        app.as("wanda", "legal");
        for (int i = 0; i < 40; i++) {
            given(app.anonymousApi()).auth().preemptive().basic("wanda", "not-her-password-" + i)
                    .when().get("/decisions").then().statusCode(401).contentType("application/problem+json");
        }
        List<Map<String, Object>> entries = app.jdbc().queryForList(
                "select reason, details::text as details from governance.audit_trail where action = 'LOGIN_FAILED' and actor = 'wanda' order by sequence");
        // the first failure at once; the rest are counted and written when the window (one minute) closes, which
        // may fall during the loop: then one count and one new first failure
        assertThat(entries).as("the failed logins in the audit trail").hasSizeBetween(1, 3);
        assertThat(entries.get(0).get("reason")).isEqualTo("wrong user name or password");
        assertThat(entries).allSatisfy(entry -> assertThat((String) entry.get("reason")).doesNotContain("Exception"));
    }

    @Test
    void anOpsUserCannotListClaimOrCompleteADirectorTaskByNamingTheGroup() {
        String account = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        String id = approvals.request(new ApprovalRequest("EMERGENCY_PAUSE", "SEVERE", "SUB_ACCOUNT", account,
                "diverted viewers to a personal account", "olga", Map.of(), null));
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "seen it"));
        Map<String, Object> directorTask = approvals.awaitTaskFor(id, "director");
        String taskId = (String) directorTask.get("id");

        // naming the group is refused outright, for listing, claiming and completing
        given(app.as("oscar", "ops")).queryParam("user", "oscar").queryParam("group", "director")
                .when().get("/usertasks/instance")
                .then().statusCode(403).body("detail", containsString("not in group 'director'"));
        given(app.as("oscar", "ops")).queryParam("group", "director").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(403);
        given(app.as("oscar", "ops")).queryParam("group", "director")
                .body(Map.of("transitionId", "complete", "data", Map.of("approved", true, "comment", "me")))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(403);
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail
                where action = 'REQUEST_REFUSED' and actor = 'oscar' and reason like '%not in group ''director''%'""", Integer.class))
                .as("each refusal is in the audit trail").isEqualTo(3);
        // pretending to be someone else is refused too
        given(app.as("oscar", "ops")).queryParam("user", "dora")
                .when().get("/usertasks/instance")
                .then().statusCode(403).body("detail", containsString("logged in as oscar"));
        // as himself, he does not see the task and cannot act on it
        given(app.as("oscar", "ops")).when().get("/usertasks/instance")
                .then().statusCode(200).body("id", not(hasItem(taskId)));
        int claim = given(app.as("oscar", "ops")).body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", taskId).then().extract().statusCode();
        assertThat(claim).isIn(403, 404);

        // the task is untouched: a director still sees it and decides it
        given(app.as("dora", "director")).when().get("/usertasks/instance")
                .then().statusCode(200).body("id", hasItem(taskId));
        approvals.decide(directorTask, "dora", "director", new Decision(true, "ratified"));
        approvals.awaitEnded(id);
    }

    @Test
    void onlyLegalHrAndAdminEvaluateDecisionTables() {
        Map<String, Object> metrics = Map.of("fanLossRate", new BigDecimal("2"), "interactionDrop", new BigDecimal("5"), "otherAccountMentions", 0);
        given(app.as("lena", "legal")).body(metrics).when().post("/decisions/TrafficAlert").then().statusCode(200);
        given(app.as("hugo", "hr")).body(metrics).when().post("/decisions/TrafficAlert").then().statusCode(200);
        given(app.as("oscar", "ops")).body(metrics).when().post("/decisions/TrafficAlert")
                .then().statusCode(403).contentType("application/problem+json");
        given(app.as("sally", "streamer")).body(metrics).when().post("/decisions/TrafficAlert").then().statusCode(403);
    }

    @Test
    void onlyOpsOpsManagersAndDirectorsRequestAccountActionsAndOnlyTheProcessExecutesThem() {
        String account = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        approvals.openAccount(account);
        Map<String, Object> request = Map.of("action", "SUSPEND_LIVE", "severity", "NONE", "accountKind", "SUB_ACCOUNT",
                "subject", account, "reason", "late for three lives", "requestedBy", "olga", "parameters", Map.of("suspensionDays", 2));
        given(app.as("hugo", "hr")).body(request).when().post("/" + AccountActionApproval.PROCESS_ID).then().statusCode(403);
        given(app.as("sally", "streamer")).body(request).when().post("/" + AccountActionApproval.PROCESS_ID).then().statusCode(403);
        String id = given(app.as("olga", "ops")).body(request).when().post("/" + AccountActionApproval.PROCESS_ID)
                .then().statusCode(201).extract().path("id");

        // Kogito's generated variable, signal and work-item endpoints are closed to everyone, admin included;
        // aborting is for admin only
        given(app.as("ada", "admin", "ops", "director")).body(Map.of("action", "CANCEL_ACCOUNT"))
                .when().put("/" + AccountActionApproval.PROCESS_ID + "/{id}", id).then().statusCode(403);
        given(app.as("ada", "admin", "ops", "director")).body(Map.of())
                .when().post("/" + AccountActionApproval.PROCESS_ID + "/{id}/First_level_deadline", id).then().statusCode(403);
        given(app.as("dora", "director"))
                .when().delete("/" + AccountActionApproval.PROCESS_ID + "/{id}", id).then().statusCode(403);
        assertThat(approvals.actionsOn(account)).isZero();
    }

    @Test
    void theRequesterIsTheLoggedInUserWhateverTheBodySays() {
        String account = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        approvals.openAccount(account);
        Map<String, Object> request = Map.of("action", "SUSPEND_LIVE", "severity", "NONE", "accountKind", "SUB_ACCOUNT",
                "subject", account, "reason", "late for three lives", "requestedBy", "somebody-else", "parameters", Map.of("suspensionDays", 2));
        String id = given(app.as("olga", "ops")).body(request).when().post("/" + AccountActionApproval.PROCESS_ID)
                .then().statusCode(201).body("requestedBy", equalTo("olga")).extract().path("id");
        // and so olga cannot approve it under a borrowed name
        Map<String, Object> task = approvals.awaitTaskFor(id, "ops-manager");
        app.as("olga", "ops-manager");
        given(app.as("olga", "ops")).body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", task.get("id"))
                .then().statusCode(403).body("detail", containsString("requested this action"));
    }

    @Test
    void aStreamersOwnOpsManagerCannotApproveCancellingTheirAccount() {
        String account = "sub-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, "streamer-of-" + account, account);  // ops-manager "mia"
        String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").onAccount(account));
        Map<String, Object> task = approvals.awaitTaskFor(id, "ops-manager");
        given(app.as("mia", "ops-manager")).body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", task.get("id"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("ops-manager of this account's streamer"));
        // another ops-manager may
        approvals.decide(task, "nora", "ops-manager", new Decision(true, "evidence is clear"));
        approvals.awaitTaskFor(id, "legal");
    }

    @Test
    void aStreamerSeesOnlyTheirOwnRecords() {
        TestStreamers.streamerWithSubAccounts(app, "sally", "sub-sally-1");
        TestStreamers.streamerWithSubAccounts(app, "tom", "sub-tom-1");
        given(app.as("sally", "streamer")).when().get("/accounts/streamers/sally").then().statusCode(200);
        // her own history: no process has run for her yet, so it is not found (not refused)
        given(app.as("sally", "streamer")).when().get("/history/streamers/sally").then().statusCode(404);
        given(app.as("sally", "streamer")).when().get("/accounts/streamers/tom").then().statusCode(403);
        given(app.as("sally", "streamer")).when().get("/history/streamers/tom").then().statusCode(403);
        given(app.as("sally", "streamer")).when().get("/accounts/sub-tom-1/actions").then().statusCode(403);
        given(app.as("sally", "streamer")).when().get("/decisions").then().statusCode(403);
    }

    @Test
    void adminManagesUsersAndTheirGroups() {
        String name = "new-" + UUID.randomUUID().toString().substring(0, 6);
        given(app.as("oscar", "ops")).body(Map.of("username", name, "password", "long-enough-password", "groups", List.of("legal")))
                .when().post("/admin/users").then().statusCode(403);
        given(app.as("ada", "admin")).body(Map.of("username", name, "password", "long-enough-password", "groups", List.of("legal")))
                .when().post("/admin/users").then().statusCode(201).body("groups", equalTo(List.of("legal")))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
        given(app.anonymousApi()).auth().preemptive().basic(name, "long-enough-password")
                .when().get("/decisions").then().statusCode(200);
        given(app.as("ada", "admin")).body(Map.of("username", name, "password", "long-enough-password", "groups", List.of("legal")))
                .when().post("/admin/users").then().statusCode(409);
        given(app.as("ada", "admin")).body(Map.of("username", name + "x", "password", "short", "groups", List.of("legal")))
                .when().post("/admin/users").then().statusCode(400).body("detail", containsString("password"));
        given(app.as("ada", "admin")).body(Map.of("username", name + "y", "password", "long-enough-password", "groups", List.of("kings")))
                .when().post("/admin/users").then().statusCode(400).body("detail", containsString("'kings' is not a group"));
        String hash = app.jdbc().queryForObject("select password from governance.users where username = ?", String.class, name);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("long-enough-password");

        given(app.as("ada", "admin")).body(Map.of("groups", List.of("streamer")))
                .when().put("/admin/users/{name}/groups", name).then().statusCode(200);
        given(app.anonymousApi()).auth().preemptive().basic(name, "long-enough-password")
                .when().get("/decisions").then().statusCode(403);
        given(app.as("ada", "admin")).body(Map.of("enabled", false))
                .when().put("/admin/users/{name}/enabled", name).then().statusCode(200);
        given(app.anonymousApi()).auth().preemptive().basic(name, "long-enough-password")
                .when().get("/accounts/streamers/" + name).then().statusCode(401);
        given(app.as("ada", "admin")).body(Map.of("enabled", false))
                .when().put("/admin/users/{name}/enabled", "nobody-here").then().statusCode(404);
    }

    @Test
    void theDemoUsersLogInByDefault() {
        given(app.anonymousApi()).auth().preemptive().basic("demo-hr", "demo-password")
                .when().get("/decisions").then().statusCode(200);
        given(app.anonymousApi()).auth().preemptive().basic("demo-streamer", "demo-password")
                .when().get("/decisions").then().statusCode(403);
    }

    @Test
    void unknownEndpointsAreDenied() {
        given(app.as("ada", "admin")).when().get("/no/such/thing").then().statusCode(403);
        given(app.as("ada", "admin")).when().get("/actuator/env").then().statusCode(403);
    }
}
