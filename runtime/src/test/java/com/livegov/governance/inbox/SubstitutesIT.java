package com.livegov.governance.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Out-of-office substitutes over REST: naming one (own only; not oneself, not an unknown user, no overlapping
 * periods); while the period runs the substitute sees the absent user's tasks marked "on behalf of" and claims
 * and completes them with {@code X-On-Behalf-Of}, recorded with the substitute as actor; before or after the
 * period the same request is refused (403, recorded). Separation of duties binds both the substitute and the
 * absent user. Periods in the past and the future stand for "outside the window": no test sleeps.
 */
class SubstitutesIT {

    private static final String ON_BEHALF = "X-On-Behalf-Of";
    private static final Instant NOW = Instant.now();
    private static final Instant LAST_WEEK = NOW.minus(Duration.ofDays(7));
    private static final Instant NEXT_WEEK = NOW.plus(Duration.ofDays(7));

    private static RunningApp app;
    private static ApprovalClient approvals;
    private static InboxClient inbox;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        approvals = new ApprovalClient(app);
        inbox = new InboxClient(app);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void theSubstituteSeesClaimsAndCompletesTheAbsentUsersTaskOnTheirBehalf() {
        app.basicLogin("sam", "ops");
        long substitution = name("xenia", List.of("ops-manager"), "sam", LAST_WEEK, NEXT_WEEK);
        ApprovalRequest request = ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H");
        String instance = approvals.request(request);
        Map<String, Object> task = approvals.awaitTaskFor(instance, "ops-manager");
        String taskId = (String) task.get("id");
        String streamer = "streamer-of-" + request.subject();

        JsonPath offered = inbox.inbox("sam", List.of("ops"), Map.of("view", "groups-unassigned", "streamer", streamer));
        assertThat(offered.getList("items.taskId")).containsExactly(taskId);
        assertThat(offered.getString("items[0].onBehalfOf")).isEqualTo("xenia");

        inbox.as("sam", "ops").header(ON_BEHALF, "xenia").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(200).body("actualOwner", equalTo("xenia"));
        JsonPath mine = inbox.inbox("sam", List.of("ops"), Map.of("view", "mine", "streamer", streamer));
        assertThat(mine.getList("items.taskId")).containsExactly(taskId);
        assertThat(mine.getString("items[0].onBehalfOf")).isEqualTo("xenia");
        assertThat(inbox.view("xenia", List.of("ops-manager"), "mine", streamer)).containsExactly(taskId);

        inbox.as("sam", "ops").header(ON_BEHALF, "xenia")
                .body(Map.of("transitionId", "complete", "data", Map.of("approved", true, "comment", "for xenia, as agreed")))
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(200);

        Map<String, Object> claimed = auditOf(taskId, "TASK_CLAIMED");
        assertThat(claimed.get("actor")).isEqualTo("sam");
        assertThat(claimed.get("on_behalf_of")).isEqualTo("xenia");
        assertThat((String) claimed.get("reason")).contains("acted on behalf of xenia");
        assertThat(auditOf(taskId, "TASK_COMPLETED")).containsEntry("actor", "sam").containsEntry("on_behalf_of", "xenia");
        JsonPath completed = inbox.inbox("xenia", List.of("ops-manager"), Map.of("view", "completed-by-me", "streamer", streamer));
        assertThat(completed.getList("items.taskId")).containsExactly(taskId);
        assertThat(completed.getString("items[0].owner")).isEqualTo("sam");
        assertThat(completed.getString("items[0].onBehalfOf")).isEqualTo("xenia");

        // removed: the next task of xenia's groups is no longer sam's to see
        inbox.as("xenia", "ops-manager").when().delete("/inbox/substitutes/{id}", substitution).then().statusCode(204);
        String next = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount(request.subject()).withDeadlines("PT1H", "PT1H"));
        approvals.awaitTaskFor(next, "ops-manager");
        assertThat(inbox.view("sam", List.of("ops"), "groups-unassigned", streamer)).isEmpty();
        assertThat(app.jdbc().queryForObject("select count(*) from governance.audit_trail where action in ('SUBSTITUTE_NAMED', 'SUBSTITUTE_REMOVED') and actor = 'xenia'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void outsideThePeriodActingOnBehalfIsRefusedAndRecorded() {
        app.basicLogin("tom", "ops");
        name("yuri", List.of("ops-manager"), "tom", NEXT_WEEK, NEXT_WEEK.plus(Duration.ofDays(3)));
        name("zora", List.of("ops-manager"), "tom", LAST_WEEK, LAST_WEEK.plus(Duration.ofDays(3)));
        String instance = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H"));
        String taskId = (String) approvals.awaitTaskFor(instance, "ops-manager").get("id");

        for (String absent : List.of("yuri", "zora", "nobody-named-tom")) {
            inbox.as("tom", "ops").header(ON_BEHALF, absent).body(Map.of("transitionId", "claim"))
                    .when().post("/usertasks/instance/{id}/transition", taskId)
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("has not named tom as substitute"));
        }
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail where action = 'REQUEST_REFUSED' and actor = 'tom'
                and reason like '%has not named tom as substitute%'""", Integer.class)).isEqualTo(3);
        assertThat(approvals.awaitTaskFor(instance, "ops-manager").get("actualOwner")).isNull();
        // and not elsewhere than on tasks
        inbox.as("tom", "ops").header(ON_BEHALF, "yuri").when().get("/inbox/tasks").then().statusCode(403);
    }

    @Test
    void separationOfDutiesBindsTheSubstituteAndTheAbsentUser() {
        app.basicLogin("sid", "ops");
        name("xavier", List.of("ops-manager"), "sid", LAST_WEEK, NEXT_WEEK);
        name("max", List.of("ops-manager", "director"), "sid", LAST_WEEK, NEXT_WEEK);

        // sid requested it: sid cannot approve it, not even on xavier's behalf
        ApprovalRequest own = new ApprovalRequest("ROTATE_STREAM_KEY", "NONE", "SUB_ACCOUNT", "sub-sid-" + NOW.toEpochMilli(), "reason", "sid",
                Map.of(), Map.of("level1Deadline", "PT1H", "level2Deadline", "PT1H"));
        String ownTask = (String) approvals.awaitTaskFor(approvals.request(own), "ops-manager").get("id");
        inbox.as("sid", "ops").header(ON_BEHALF, "xavier").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", ownTask)
                .then().statusCode(403).body("detail", containsString("sid requested this action"));

        // sid approves level 1 for xavier; level 2 on max's behalf would be sid's second level
        String instance = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H"));
        String level1 = (String) approvals.awaitTaskFor(instance, "ops-manager").get("id");
        actOnBehalf("sid", "xavier", level1, Map.of("transitionId", "claim"), 200);
        actOnBehalf("sid", "xavier", level1, Map.of("transitionId", "complete", "data", Map.of("approved", true, "comment", "agreed")), 200);
        String level2 = (String) approvals.awaitTaskFor(instance, "director").get("id");
        actOnBehalf("sid", "max", level2, Map.of("transitionId", "claim"), 403);
        // and xavier, on whose behalf level 1 was approved, cannot approve level 2 either
        inbox.as("xavier", "ops-manager", "director").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", level2)
                .then().statusCode(403).body("detail", containsString("already approved another level"));

        // max approved level 1 himself: sid cannot approve level 2 on max's behalf
        String second = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H"));
        approvals.decide(approvals.awaitTaskFor(second, "ops-manager"), "max", "ops-manager", new Decision(true, "agreed"));
        String secondLevel2 = (String) approvals.awaitTaskFor(second, "director").get("id");
        actOnBehalf("sid", "max", secondLevel2, Map.of("transitionId", "claim"), 403);
        approvals.decide(approvals.awaitTaskFor(second, "director"), "dina", "director", new Decision(true, "agreed"));
        assertThat(approvals.awaitEnded(second)).endsWith("End_Approved");
    }

    @Test
    void badSubstitutionsAreRefusedAndChangeNothing() {
        app.basicLogin("quinn", "ops");
        app.basicLogin("disabled-dan", "ops");
        app.jdbc().update("update governance.users set enabled = false where username = 'disabled-dan'");
        name("petra", List.of("hr"), "quinn", NOW, NEXT_WEEK);
        Map<String, Map<String, Object>> bad = Map.of(
                "self", Map.of("substitute", "petra", "from", NOW.toString(), "until", NEXT_WEEK.toString()),
                "unknown", Map.of("substitute", "nobody-at-all", "from", NOW.toString(), "until", NEXT_WEEK.toString()),
                "disabled", Map.of("substitute", "disabled-dan", "from", NOW.toString(), "until", NEXT_WEEK.toString()),
                "overlapping", Map.of("substitute", "quinn", "from", LAST_WEEK.toString(), "until", NOW.plusSeconds(60).toString()),
                "reversed", Map.of("substitute", "quinn", "from", NEXT_WEEK.plusSeconds(60).toString(), "until", NEXT_WEEK.toString()),
                "not an instant", Map.of("substitute", "quinn", "from", "monday", "until", NEXT_WEEK.toString()),
                "unknown field", Map.of("substitute", "quinn", "from", NEXT_WEEK.toString(), "until", NEXT_WEEK.plusSeconds(60).toString(), "who", "x"));
        bad.forEach((why, body) -> inbox.as("petra", "hr").body(body).when().post("/inbox/substitutes")
                .then().statusCode(400).contentType("application/problem+json"));
        inbox.as("petra", "hr").body("[1, 2").when().post("/inbox/substitutes").then().statusCode(400);
        assertThat(inbox.as("petra", "hr").when().get("/inbox/substitutes").then().statusCode(200).extract().jsonPath()
                .getList("named")).hasSize(1);
        // somebody else's substitution cannot be removed
        long petras = inbox.as("petra", "hr").when().get("/inbox/substitutes").then().extract().jsonPath().getLong("named[0].id");
        inbox.as("quinn", "ops").when().delete("/inbox/substitutes/{id}", petras).then().statusCode(404);
        inbox.as("quinn", "ops").when().delete("/inbox/substitutes/{id}", "x").then().statusCode(400);
        assertThat(inbox.as("quinn", "ops").when().get("/inbox/substitutes").then().extract().jsonPath().getList("standingInFor")).hasSize(1);
    }

    private static void actOnBehalf(String substitute, String absent, String taskId, Map<String, Object> body, int status) {
        inbox.as(substitute, "ops").header(ON_BEHALF, absent).body(body)
                .when().post("/usertasks/instance/{id}/transition", taskId)
                .then().statusCode(status);
    }

    /** The absent user (created with these groups) names the substitute; returns the substitution's id. */
    private static long name(String absent, List<String> groups, String substitute, Instant from, Instant until) {
        return inbox.as(absent, groups.toArray(String[]::new))
                .body(Map.of("substitute", substitute, "from", from.toString(), "until", until.toString()))
                .when().post("/inbox/substitutes")
                .then().statusCode(201)
                .body("absentUser", equalTo(absent))
                .extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> auditOf(String taskId, String action) {
        return app.jdbc().queryForMap("""
                select actor, reason, details ->> 'onBehalfOf' as on_behalf_of from governance.audit_trail
                where target_kind = 'TASK' and target_id = ? and action = ? order by sequence desc limit 1""", taskId, action);
    }
}
