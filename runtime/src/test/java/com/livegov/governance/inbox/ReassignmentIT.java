package com.livegov.governance.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bulk claim and release of one's tasks, and reassignment by a team lead, over REST: each task's outcome is
 * reported; a lead hands tasks to a named, enabled member of the task's candidate groups (released first when
 * someone holds them), recorded as TASK_REASSIGNED with the lead and the reason; the requester of an approval is
 * never given it; users who lead no team are refused (403); unknown users and malformed bodies answer 400.
 */
class ReassignmentIT {

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
    void aUserClaimsAndReleasesSeveralTasksAtOnce() {
        String one = taskOf(approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H")));
        String two = taskOf(approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H")));

        JsonPath claimed = bulk("bella", List.of("ops-manager"), "claim", Map.of("taskIds", List.of(one, two, "no-such-task")));
        assertThat(claimed.getList("results.outcome")).containsExactly("CLAIMED", "CLAIMED", "NOT_FOUND");
        assertThat(claimed.getInt("done")).isEqualTo(2);
        assertThat(owner(one)).isEqualTo("bella");
        assertThat(owner(two)).isEqualTo("bella");

        JsonPath someoneElse = bulk("bruno", List.of("ops-manager"), "release", Map.of("taskIds", List.of(one)));
        assertThat(someoneElse.getList("results.outcome")).containsExactly("REFUSED");
        assertThat(owner(one)).isEqualTo("bella");

        JsonPath released = bulk("bella", List.of("ops-manager"), "release", Map.of("taskIds", List.of(one, two)));
        assertThat(released.getList("results.outcome")).containsExactly("RELEASED", "RELEASED");
        assertThat(owner(one)).isNull();

        JsonPath notOffered = bulk("hugo", List.of("hr"), "claim", Map.of("taskIds", List.of(one)));
        assertThat(notOffered.getList("results.outcome")).containsExactly("REFUSED");
        assertThat(owner(one)).isNull();
    }

    @Test
    void aTeamLeadReassignsTasksToAMemberOfTheirCandidateGroups() {
        app.basicLogin("mona", "ops-manager");
        app.basicLogin("harry", "hr");
        String reserved = taskOf(approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H")));
        String ready = taskOf(approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H")));
        bulk("benno", List.of("ops-manager"), "claim", Map.of("taskIds", List.of(reserved)));

        JsonPath handed = bulk("dora", List.of("director"), "reassign",
                Map.of("taskIds", List.of(reserved, ready), "to", "mona", "reason", "benno is on leave"));
        assertThat(handed.getList("results.outcome")).containsExactly("REASSIGNED", "REASSIGNED");
        assertThat(owner(reserved)).isEqualTo("mona");
        assertThat(owner(ready)).isEqualTo("mona");
        assertThat(inbox.as("mona", "ops-manager").when().get("/usertasks/instance/{id}", reserved).then().statusCode(200)
                .extract().jsonPath().getString("status.name")).isEqualTo("Reserved");
        Map<String, Object> audit = app.jdbc().queryForMap("""
                select actor, reason, details ->> 'from' as from_user, details ->> 'to' as to_user from governance.audit_trail
                where action = 'TASK_REASSIGNED' and target_id = ? order by sequence desc limit 1""", reserved);
        assertThat(audit).containsEntry("actor", "dora").containsEntry("reason", "benno is on leave")
                .containsEntry("from_user", "benno").containsEntry("to_user", "mona");

        JsonPath notACandidate = bulk("dora", List.of("director"), "reassign", Map.of("taskIds", List.of(ready), "to", "harry"));
        assertThat(notACandidate.getList("results.outcome")).containsExactly("REFUSED");
        assertThat(notACandidate.getString("results[0].detail")).contains("not a candidate");
        assertThat(owner(ready)).isEqualTo("mona");
    }

    @Test
    void theRequesterIsNeverHandedTheirOwnRequest() {
        app.basicLogin("olga", "ops", "ops-manager");
        String task = taskOf(approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H")));

        JsonPath refused = bulk("mila", List.of("ops-manager"), "reassign", Map.of("taskIds", List.of(task), "to", "olga"));
        assertThat(refused.getList("results.outcome")).containsExactly("REFUSED");
        assertThat(refused.getString("results[0].detail")).contains("olga requested this action");
        assertThat(owner(task)).isNull();
    }

    @Test
    void onlyTeamLeadsReassignAndBadRequestsAnswer400() {
        String task = taskOf(approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H")));
        app.basicLogin("mona", "ops-manager");

        inbox.as("otis", "ops").body(Map.of("taskIds", List.of(task), "to", "mona"))
                .when().post("/inbox/tasks/reassign")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("leads no team"));
        inbox.as("dora", "director").body(Map.of("taskIds", List.of(task), "to", "nobody-at-all"))
                .when().post("/inbox/tasks/reassign").then().statusCode(400).body("parameter", equalTo("to"));
        List<Map<String, Object>> bad = List.of(Map.of(), Map.of("taskIds", List.of()), Map.of("taskIds", "one"),
                Map.of("taskIds", List.of(1, 2)), Map.of("taskIds", List.of(task), "to", "mona", "priority", 1));
        for (Map<String, Object> body : bad) {
            inbox.as("dora", "director").body(body).when().post("/inbox/tasks/reassign").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        inbox.as("dora", "director").body("{\"taskIds\": [").when().post("/inbox/tasks/claim").then().statusCode(400);
        assertThat(owner(task)).isNull();
    }

    private static JsonPath bulk(String user, List<String> groups, String action, Map<String, Object> body) {
        return inbox.as(user, groups.toArray(String[]::new)).body(body)
                .when().post("/inbox/tasks/" + action)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static String taskOf(String processInstance) {
        return (String) approvals.awaitTaskFor(processInstance, "ops-manager").get("id");
    }

    private static String owner(String taskId) {
        return app.jdbc().queryForObject("select actual_owner from public.jbpm_user_tasks where id = ?", String.class, taskId);
    }
}
