package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.livegov.governance.support.ApplicationJar;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as an operator runs it ({@code java -jar}, no database configured, so on the embedded
 * PostgreSQL with a kept data directory), killed with a real {@code kill -9}: the embedded server outlives it,
 * and the first start after the crash still succeeds, with everything acknowledged before the kill. The embedded
 * server is durable ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on).
 */
class CrashRestartIT {

    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    private ApplicationJar jar;

    @BeforeEach
    void prepare() throws Exception {
        jar = new ApplicationJar(dataDirectory, logDirectory);
    }

    @Test
    void firstStartAfterKillNineSucceedsWithTheAcknowledgedDataOnADurableServer() throws Exception {
        String username = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        ApplicationJar.Instance first = jar.start("first");
        given().baseUri("http://localhost").port(first.port()).contentType(ContentType.JSON)
                .auth().preemptive().basic("demo-admin", "demo-password")
                .body(Map.of("username", username, "password", PASSWORD, "groups", List.of("legal")))
                .when().post("/admin/users")
                .then().statusCode(201);

        jar.killNine(first);
        ProcessHandle orphan = jar.postmaster().orElseThrow(() -> new AssertionError("no postmaster.pid after the kill"));
        assertThat(orphan.isAlive()).as("the embedded PostgreSQL outlives the killed application").isTrue();

        ApplicationJar.Instance second = jar.start("second");

        assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
        given().baseUri("http://localhost").port(second.port()).auth().preemptive().basic(username, PASSWORD)
                .when().get("/decisions")
                .then().statusCode(200);
        try (Connection connection = jar.database()) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(show(connection, "autovacuum_naptime")).as("Kogito's churned task tables are vacuumed often").isEqualTo("5s");
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*) from governance.users where username = ?")) {
                statement.setString(1, username);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        jar.close();
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
