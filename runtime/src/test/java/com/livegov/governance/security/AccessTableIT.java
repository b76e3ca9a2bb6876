package com.livegov.governance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the README's table "Who may call what" against the running application: each row is called without a
 * login (401, unless anyone may), and as a user of every group. The row's groups get through (any answer but 401
 * and 403); every other group gets 403. The table is read from the README itself, so the documentation and the
 * security rules cannot say different things.
 */
class AccessTableIT {

    private static final Path README = Path.of("..", "README.md");
    private static final List<String> GROUPS = List.of("admin", "hr", "legal", "ops", "ops-manager", "director", "streamer", "monitoring");
    private static final List<String> STAFF = List.of("admin", "hr", "legal", "ops", "ops-manager", "director");
    /** The streamer who asks for their own records in the "self" rows; staff ask for the same streamer. */
    private static final String SELF = "access-table-streamer";

    private static RunningApp app;

    /** One row of the table. */
    record Row(String method, String address, Set<String> allowed, boolean anyone, boolean self) {
        @Override
        public String toString() {
            return method + " " + address;
        }
    }

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    static Stream<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int start = indexOf(lines, "<!-- access-table");
        int end = indexOf(lines, "<!-- /access-table -->");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (!line.startsWith("| ") || line.startsWith("| method") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
            String method = cells[1];
            String address = cells[2].replace("`", "");
            List<String> who = Arrays.stream(cells[3].split(",")).map(String::trim).toList();
            rows.add(new Row(method, address, groups(who), who.contains("anyone"), who.contains("self")));
        }
        assertThat(rows).as("rows of the README's access table").hasSizeGreaterThan(30);
        return rows.stream();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("README.md has no line starting with " + prefix);
    }

    private static Set<String> groups(List<String> who) {
        Set<String> groups = new java.util.TreeSet<>();
        for (String entry : who) {
            switch (entry) {
                case "anyone", "logged-in" -> groups.addAll(GROUPS);
                case "staff" -> groups.addAll(STAFF);
                case "self" -> groups.add("streamer");
                case "nobody" -> { }
                default -> {
                    assertThat(GROUPS).as("a group of the access table").contains(entry);
                    groups.add(entry);
                }
            }
        }
        return groups;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachGroupGetsExactlyTheAccessTheReadmeGivesIt(Row row) {
        String address = row.address().replace("{self}", SELF);
        int anonymous = call(app.anonymousApi(), row.method(), address).statusCode();
        if (row.anyone()) {
            assertThat(anonymous).as("no login").isNotIn(401, 403);
        } else {
            assertThat(anonymous).as("no login").isEqualTo(401);
        }
        for (String group : GROUPS) {
            String user = group.equals("streamer") ? SELF : "access-" + group;
            Response answer = call(app.as(user, group), row.method(), address);
            if (row.allowed().contains(group)) {
                assertThat(answer.statusCode()).as("%s as %s: %s", row, group, answer.asString()).isNotIn(401, 403);
            } else {
                assertThat(answer.statusCode()).as("%s as %s: %s", row, group, answer.asString()).isEqualTo(403);
            }
        }
        if (row.self()) {
            assertThat(call(app.as(SELF, "streamer"), row.method(), row.address().replace("{self}", "another-streamer")).statusCode())
                    .as("a streamer asking for another streamer's records").isEqualTo(403);
        }
    }

    /** The call with an empty JSON object as body where the method takes one: enough to pass or fail the access rules. */
    private static Response call(RequestSpecification as, String method, String address) {
        RequestSpecification request = given(as).redirects().follow(false);
        if (method.equals("POST") || method.equals("PUT")) {
            request = request.body("{}");
        }
        return request.request(method, address);
    }
}
