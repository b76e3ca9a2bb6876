package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as an operator runs it ({@code java -jar}, no database configured, so on the embedded
 * PostgreSQL with a kept data directory), killed with a real {@code kill -9}: the embedded server outlives it,
 * and the first start after the crash still succeeds, with everything acknowledged before the kill. The embedded
 * server is durable ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on).
 */
class CrashRestartIT {

    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    private final List<Process> applications = new ArrayList<>();

    @Test
    void firstStartAfterKillNineSucceedsWithTheAcknowledgedDataOnADurableServer() throws Exception {
        int postgresPort = freePort();
        String username = "crash-" + UUID.randomUUID().toString().substring(0, 8);

        int firstPort = freePort();
        Process first = startApplication(firstPort, postgresPort, "first");
        awaitHealthy(first, firstPort, "first");
        given().baseUri("http://localhost").port(firstPort).contentType(ContentType.JSON)
                .auth().preemptive().basic("demo-admin", "demo-password")
                .body(Map.of("username", username, "password", PASSWORD, "groups", List.of("legal")))
                .when().post("/admin/users")
                .then().statusCode(201);

        first.destroyForcibly(); // SIGKILL
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        ProcessHandle orphan = postmaster().orElseThrow(() -> new AssertionError("no postmaster.pid after the kill"));
        assertThat(orphan.isAlive()).as("the embedded PostgreSQL outlives the killed application").isTrue();

        int secondPort = freePort();
        Process second = startApplication(secondPort, postgresPort, "second");
        awaitHealthy(second, secondPort, "second");

        assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
        given().baseUri("http://localhost").port(secondPort).auth().preemptive().basic(username, PASSWORD)
                .when().get("/decisions")
                .then().statusCode(200);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", "postgres")) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
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
        for (Process application : applications) {
            if (application.isAlive()) {
                application.destroy(); // SIGTERM: Spring closes the context and stops the embedded server
                if (!application.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    application.destroyForcibly();
                }
            }
        }
        // a server the test left behind (when it failed before the second start) is ours to stop
        Optional<ProcessHandle> leftOver = postmaster().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        if (leftOver.isPresent()) {
            leftOver.get().destroy();
            leftOver.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private Process startApplication(int port, int postgresPort, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar", applicationJar().toString(),
                "--server.port=" + port,
                "--governance.embedded-postgres.data-dir=" + dataDirectory,
                "--governance.embedded-postgres.port=" + postgresPort,
                "--governance.demo-data.enabled=false",
                "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDirectory.resolve(name + ".log").toFile())
                .start();
        applications.add(process);
        return process;
    }

    /** The executable jar built by the package phase, which runs before the integration tests. */
    private static Path applicationJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("runtime-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no runtime jar in target/: run the package phase first"));
        }
    }

    private void awaitHealthy(Process process, int port, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("The " + name + " start ended with exit code " + process.exitValue() + ":\n" + tail(name));
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("The " + name + " start was not healthy within " + START_WAIT + ":\n" + tail(name));
    }

    private String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(logDirectory.resolve(name + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
