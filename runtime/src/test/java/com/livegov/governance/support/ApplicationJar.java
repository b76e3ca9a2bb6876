package com.livegov.governance.support;

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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as an operator runs it: the executable jar in a process of its own ({@code java -jar}), with no
 * database configured, so on the embedded PostgreSQL with a kept data directory. It can be killed with a real
 * {@code kill -9} and started again on the same data directory. {@link #close()} stops whatever is left: the
 * applications (SIGTERM, so Spring stops the embedded server) and a server a killed application left behind.
 */
public final class ApplicationJar implements AutoCloseable {

    private static final Duration START_WAIT = Duration.ofMinutes(5);

    /** One started application process and the port it serves HTTP on. */
    public record Instance(String name, Process process, int port) {

        public String baseUri() {
            return "http://localhost:" + port;
        }
    }

    private final Path dataDirectory;
    private final Path logDirectory;
    private final int postgresPort;
    private final List<Process> applications = new ArrayList<>();

    public ApplicationJar(Path dataDirectory, Path logDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        this.logDirectory = logDirectory;
        this.postgresPort = freePort();
    }

    /** Starts the jar on a free port (the named log is kept in the log directory) and waits until it is healthy. */
    public Instance start(String name, String... settings) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar", applicationJar().toString(),
                "--server.port=" + port,
                "--governance.embedded-postgres.data-dir=" + dataDirectory,
                "--governance.embedded-postgres.port=" + postgresPort,
                "--governance.demo-data.enabled=false",
                "--spring.main.banner-mode=off"));
        for (String setting : settings) {
            command.add("--" + setting);
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDirectory.resolve(name + ".log").toFile())
                .start();
        applications.add(process);
        Instance instance = new Instance(name, process, port);
        awaitHealthy(instance);
        return instance;
    }

    /** A real {@code kill -9} (SIGKILL): no shutdown hook runs, the embedded server is left behind. */
    public void killNine(Instance instance) throws InterruptedException {
        instance.process().destroyForcibly();
        assertThat(instance.process().waitFor(30, TimeUnit.SECONDS)).as("the killed JVM ended").isTrue();
        assertThat(instance.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    /** The server of the data directory, from its {@code postmaster.pid}. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
    }

    /** A connection to the application's database, as the embedded server's superuser (the test's own look). */
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/postgres?stringtype=unspecified",
                "postgres", "postgres");
    }

    /** The last lines of the instance's log, for a failure message. */
    public String tail(Instance instance) throws IOException {
        List<String> lines = Files.readAllLines(logDirectory.resolve(instance.name() + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws Exception {
        for (Process application : applications) {
            if (application.isAlive()) {
                application.destroy(); // SIGTERM: Spring closes the context and stops the embedded server
                if (!application.waitFor(60, TimeUnit.SECONDS)) {
                    application.destroyForcibly();
                }
            }
        }
        // a server a killed application left behind (when the test failed before the next start) is ours to stop
        Optional<ProcessHandle> leftOver = postmaster().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
        if (leftOver.isPresent()) {
            leftOver.get().destroy();
            leftOver.get().onExit().get(60, TimeUnit.SECONDS);
        }
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

    private void awaitHealthy(Instance instance) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(instance.baseUri() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!instance.process().isAlive()) {
                fail("The " + instance.name() + " start ended with exit code " + instance.process().exitValue() + ":\n" + tail(instance));
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
        fail("The " + instance.name() + " start was not healthy within " + START_WAIT + ":\n" + tail(instance));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
