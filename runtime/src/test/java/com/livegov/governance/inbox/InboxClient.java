package com.livegov.governance.inbox;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.livegov.governance.support.RunningApp;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The inbox's JSON API and Kogito's task list, as a user (name and groups) sees them. */
final class InboxClient {

    private final RunningApp app;

    InboxClient(RunningApp app) {
        this.app = app;
    }

    /** A request logged in as the user with these groups. */
    RequestSpecification as(String user, String... groups) {
        RequestSpecification request = given(app.api()).queryParam("user", user);
        for (String group : groups) {
            request = request.queryParam("group", group);
        }
        return request;
    }

    /** {@code GET /inbox/tasks} with these parameters (200 expected). */
    JsonPath inbox(String user, List<String> groups, Map<String, ?> parameters) {
        return as(user, groups.toArray(String[]::new)).queryParams(parameters)
                .when().get("/inbox/tasks")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The task ids of a view for the user, about one streamer. */
    Set<String> view(String user, List<String> groups, String view, String streamer) {
        return new TreeSet<>(inbox(user, groups, Map.of("view", view, "streamer", streamer, "size", 100)).getList("items.taskId", String.class));
    }

    /** The ids of the tasks Kogito's own list ({@code GET /usertasks/instance}) shows the user, of these process instances. */
    Set<String> kogitoList(String user, List<String> groups, Set<String> processInstances) {
        List<Map<String, Object>> tasks = as(user, groups.toArray(String[]::new))
                .when().get("/usertasks/instance")
                .then().statusCode(200)
                .extract().jsonPath().getList("$");
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> task : tasks) {
            Object instance = ((Map<?, ?>) task.get("metadata")).get("ProcessInstanceId");
            if (processInstances.contains(String.valueOf(instance))) {
                ids.add((String) task.get("id"));
            }
        }
        return ids;
    }
}
