package com.livegov.governance.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The inbox over REST, on account-action approvals (level 1: {@code ops-manager}, level 2: {@code director}):
 * a new task is in its group's unassigned view with its streamer and its due time (the level's deadline); claimed,
 * it is in "mine"; completed, in "completed by me"; the view "visible" shows exactly what Kogito's own list shows
 * each user, also with tasks offered by name and excluded users; filters, sorting and counts; bad parameters
 * answer 400; Kogito's list answers without a Content-Type header.
 */
class InboxIT {

    private static final List<String> OPS_MANAGER = List.of("ops-manager");
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
    void aNewApprovalIsOfferedToItsGroupWithStreamerAndDueTimeThenMovesToMineAndToCompleted() {
        ApprovalRequest request = ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H");
        Instant before = Instant.now();
        String instance = approvals.request(request);
        Instant after = Instant.now();
        Map<String, Object> task = approvals.awaitTaskFor(instance, "ops-manager");
        String streamer = "streamer-of-" + request.subject();

        JsonPath unassigned = inbox.inbox("nadia", OPS_MANAGER, Map.of("view", "groups-unassigned", "streamer", streamer));
        assertThat(unassigned.getList("items.taskId")).containsExactly(task.get("id"));
        assertThat(unassigned.getString("items[0].taskName")).isEqualTo("Level1Approval");
        assertThat(unassigned.getString("items[0].processId")).isEqualTo("accountActionApproval");
        assertThat(unassigned.getString("items[0].processInstanceId")).isEqualTo(instance);
        assertThat(unassigned.getString("items[0].streamerId")).isEqualTo(streamer);
        assertThat(unassigned.getString("items[0].streamerName")).isEqualTo("Host " + streamer);
        assertThat(unassigned.getBoolean("items[0].overdue")).isFalse();
        Instant due = Instant.parse(unassigned.getString("items[0].dueAt"));
        assertThat(due).as("the level-1 deadline, one hour after the request")
                .isBetween(before.plus(Duration.ofHours(1)).minusSeconds(1), after.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(unassigned.getMap("counts", String.class, Integer.class)).containsEntry("groups-unassigned", 1).containsEntry("mine", 0);

        approvals.claim(task, "nadia", "ops-manager");
        assertThat(inbox.view("nadia", OPS_MANAGER, "mine", streamer)).containsExactly((String) task.get("id"));
        assertThat(inbox.view("nadia", OPS_MANAGER, "groups-unassigned", streamer)).isEmpty();
        assertThat(inbox.view("nemo", OPS_MANAGER, "groups-unassigned", streamer)).as("reserved by nadia, no longer offered").isEmpty();

        approvals.submit(task, "nadia", "ops-manager", new Decision(true, "fine")).then().statusCode(200);
        JsonPath completed = inbox.inbox("nadia", OPS_MANAGER, Map.of("view", "completed-by-me", "streamer", streamer));
        assertThat(completed.getList("items.taskId")).containsExactly(task.get("id"));
        assertThat(completed.getString("items[0].owner")).isEqualTo("nadia");
        assertThat(completed.getString("items[0].state")).isEqualTo("Completed");
        assertThat(inbox.view("nadia", OPS_MANAGER, "mine", streamer)).isEmpty();
        assertThat(inbox.view("nemo", OPS_MANAGER, "completed-by-me", streamer)).isEmpty();
    }

    @Test
    void theVisibleViewIsExactlyKogitosListAlsoWithUsersByNameAndExcludedUsers() {
        ApprovalRequest first = ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H");
        String one = approvals.request(first);
        String two = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount(first.subject()).withDeadlines("PT1H", "PT1H"));
        String three = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount(first.subject()).withDeadlines("PT1H", "PT1H"));
        String offeredByName = (String) approvals.awaitTaskFor(one, "ops-manager").get("id");
        String reserved = (String) approvals.awaitTaskFor(two, "ops-manager").get("id");
        String plain = (String) approvals.awaitTaskFor(three, "ops-manager").get("id");
        approvals.claim(approvals.awaitTaskFor(two, "ops-manager"), "omar", "ops-manager");
        // offered by name to pia (an HR user) and to pete, but pete and the group member vera are excluded
        app.jdbc().update("insert into public.jbpm_user_tasks_potential_users (task_id, user_id) values (?, 'pia'), (?, 'pete')", offeredByName, offeredByName);
        app.jdbc().update("insert into public.jbpm_user_tasks_excluded_users (task_id, user_id) values (?, 'pete'), (?, 'vera')", offeredByName, offeredByName);
        String streamer = "streamer-of-" + first.subject();
        Set<String> instances = Set.of(one, two, three);

        Map<String, List<String>> users = Map.of("vera", OPS_MANAGER, "omar", OPS_MANAGER, "pia", List.of("hr"), "pete", List.of("legal"),
                "dario", List.of("director"));
        users.forEach((user, groups) -> assertThat(inbox.view(user, groups, "visible", streamer)).as(user)
                .isEqualTo(inbox.kogitoList(user, groups, instances)));

        assertThat(inbox.view("pia", List.of("hr"), "visible", streamer)).containsExactly(offeredByName);
        assertThat(inbox.view("pia", List.of("hr"), "groups-unassigned", streamer)).containsExactly(offeredByName);
        assertThat(inbox.view("pete", List.of("legal"), "visible", streamer)).as("excluded, so not a potential user").isEmpty();
        assertThat(inbox.view("omar", OPS_MANAGER, "mine", streamer)).containsExactly(reserved);
        assertThat(inbox.view("omar", OPS_MANAGER, "groups-unassigned", streamer)).containsExactlyInAnyOrder(offeredByName, plain);
        // Kogito still shows vera the task through her group: its exclusion applies to users by name only
        assertThat(inbox.view("vera", OPS_MANAGER, "visible", streamer)).contains(offeredByName);
        assertThat(inbox.view("vera", OPS_MANAGER, "groups-unassigned", streamer)).as("the inbox offers nothing to an excluded user")
                .containsExactly(plain);
        assertThat(inbox.view("dario", List.of("director"), "visible", streamer)).isEmpty();
    }

    @Test
    void filtersSortingPagingAndTheTeamView() {
        ApprovalRequest first = ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT2H", "PT2H");
        String soon = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount(first.subject()).withDeadlines("PT1H", "PT1H"));
        approvals.openAccount(first.subject());
        String later = approvals.request(first);
        String soonTask = (String) approvals.awaitTaskFor(soon, "ops-manager").get("id");
        String laterTask = (String) approvals.awaitTaskFor(later, "ops-manager").get("id");
        String streamer = "streamer-of-" + first.subject();
        List<String> groups = OPS_MANAGER;

        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "sort", "due")).getList("items.taskId"))
                .containsExactly(soonTask, laterTask);
        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "sort", "-due")).getList("items.taskId"))
                .containsExactly(laterTask, soonTask);
        JsonPath firstPage = inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "size", 1, "page", 0));
        assertThat(firstPage.getList("items.taskId")).containsExactly(soonTask);
        assertThat(firstPage.getLong("total")).isEqualTo(2);
        assertThat(firstPage.getLong("pages")).isEqualTo(2);
        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "size", 1, "page", 1))
                .getList("items.taskId")).containsExactly(laterTask);
        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer,
                "dueBefore", Instant.now().plus(Duration.ofMinutes(90)).toString())).getList("items.taskId")).containsExactly(soonTask);
        assertThat(inbox.view("ines", groups, "groups-unassigned", streamer)).hasSize(2);
        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "text", "host STREAMER-of"))
                .getList("items.taskId")).hasSize(2);
        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "text", "nothing like this"))
                .getList("items")).isEmpty();
        assertThat(inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "process", "streamerOnboarding"))
                .getList("items")).isEmpty();

        // a deadline that passed (its timer late): overdue
        app.jdbc().update("update governance.task_index set due_at = now() - interval '1 minute' where task_id = ?", laterTask);
        JsonPath overdue = inbox.inbox("ines", groups, Map.of("view", "groups-unassigned", "streamer", streamer, "overdue", "true"));
        assertThat(overdue.getList("items.taskId")).containsExactly(laterTask);
        assertThat(overdue.getBoolean("items[0].overdue")).isTrue();

        // team view: the streamer's ops-manager mia sees both; a director too (ops-manager is in the director's team)
        assertThat(inbox.view("mia", groups, "team", streamer)).containsExactlyInAnyOrder(soonTask, laterTask);
        assertThat(inbox.view("dirk", List.of("director"), "team", streamer)).containsExactlyInAnyOrder(soonTask, laterTask);
        assertThat(inbox.view("lara", List.of("legal", "director"), "team", streamer)).hasSize(2);
        JsonPath notALead = inbox.inbox("otto", List.of("ops"), Map.of("view", "mine"));
        assertThat(notALead.getMap("counts")).doesNotContainKey("team");
        inbox.as("otto", "ops").queryParam("view", "team").when().get("/inbox/tasks").then().statusCode(400)
                .body("parameter", equalTo("view"));
    }

    @Test
    void aTaskOpenBeforeTheInboxExistedIsIndexedByItsMigrationWithItsDueTime() throws Exception {
        ApprovalRequest request = ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT3H", "PT3H");
        Instant before = Instant.now();
        String instance = approvals.request(request);
        Instant after = Instant.now();
        String taskId = (String) approvals.awaitTaskFor(instance, "ops-manager").get("id");
        app.jdbc().update("delete from governance.task_index where task_id = ?", taskId);
        String streamer = "streamer-of-" + request.subject();
        assertThat(inbox.view("ilse", OPS_MANAGER, "groups-unassigned", streamer)).isEmpty();

        String migration = new String(getClass().getResourceAsStream("/db/migration/V13__inbox.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("-- Tasks open before this migration"));
        app.jdbc().execute((org.springframework.jdbc.core.ConnectionCallback<Object>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set search_path to governance, public");
                statement.execute(backfill);
                statement.execute("reset search_path");
            }
            return null;
        });

        JsonPath indexed = inbox.inbox("ilse", OPS_MANAGER, Map.of("view", "groups-unassigned", "streamer", streamer));
        assertThat(indexed.getList("items.taskId")).containsExactly(taskId);
        assertThat(indexed.getString("items[0].taskName")).isEqualTo("Level1Approval");
        assertThat(indexed.getString("items[0].processInstanceId")).isEqualTo(instance);
        assertThat(Instant.parse(indexed.getString("items[0].dueAt")))
                .isBetween(before.plus(Duration.ofHours(3)).minusSeconds(1), after.plus(Duration.ofHours(3)).plusSeconds(1));
    }

    @Test
    void badParametersAnswer400ProblemDocuments() {
        Map<String, String> bad = Map.of("view", "everything", "size", "500", "page", "-1", "dueBefore", "tomorrow", "sort", "priority",
                "overdue", "maybe");
        bad.forEach((parameter, value) -> inbox.as("ines", "ops-manager").queryParam(parameter, value)
                .when().get("/inbox/tasks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter)));
        inbox.as("ines", "ops-manager").queryParam("size", "ten").when().get("/inbox/tasks").then().statusCode(400).body("parameter", equalTo("size"));
        given(app.anonymousApi()).when().get("/inbox/tasks").then().statusCode(401);
    }

    @Test
    void kogitosTaskListAnswersWithoutAContentTypeHeader() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/usertasks/instance"))
                .header("Authorization", app.basicLogin("carla", "ops"))
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }
}
