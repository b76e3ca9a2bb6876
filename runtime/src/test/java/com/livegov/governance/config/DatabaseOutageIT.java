package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.Burst.Answer;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped and started again under a load of approval starts, on a server of this test's own (same
 * port, same data directory): while it is down every request is answered 503 with {@code Retry-After} and a
 * problem document, never 500, and readiness is DOWN; when it is back the same application serves again without
 * being restarted, every start answered 201 before, during or after the outage has its instance and its first
 * task, and the scheduler (timers, the audit sealer) runs again on its own.
 */
class DatabaseOutageIT {

    private static final int CLIENTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres postgres;

    /** Which part of the test a request was sent in. */
    enum Phase { BEFORE, OUTAGE, AFTER }

    /** A request of the load: the phase it was sent in and the phase its answer came in. */
    record Sent(Phase phase, Phase answeredIn, Answer answer) {
    }

    @Test
    void requestsAre503DuringAnOutageAndTheApplicationRecoversWithNothingLost() throws Exception {
        int port = freePort();
        postgres = start(port);
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database governance_outage");
            statement.execute("create role " + TestDatabase.APPLICATION_ROLE + " login password '" + TestDatabase.APPLICATION_PASSWORD + "'");
        }
        // no user in the URL: the application logs in as its restricted role, the migrations as the owner
        String url = "jdbc:postgresql://localhost:" + port + "/governance_outage?stringtype=unspecified";
        try (RunningApp app = RunningApp.start(url, "spring.datasource.hikari.maximum-pool-size=6", "governance.admission.max-concurrent=3",
                "governance.admission.retry-after=PT1S", "governance.security.credential-cache=PT10M")) {
            new ApprovalClient(app).openAccount("sub-outage");
            String ops = app.basicLogin("outage-ops", "ops");
            String legal = app.basicLogin("outage-legal", "legal");
            byte[] start = JSON.writeValueAsBytes(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount("sub-outage"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest startRequest = BurstIT.post(app, "/" + AccountActionApproval.PROCESS_ID, ops, start);

            ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicReference<Phase> phase = new java.util.concurrent.atomic.AtomicReference<>(Phase.BEFORE);
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        Phase now = phase.get();
                        Answer answer = send(http, startRequest);
                        sent.add(new Sent(now, phase.get(), answer));
                    }
                    return null;
                });
            }
            // the load runs: a good number of starts answered before the outage
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> sent.stream()
                    .filter(request -> request.answer().status() == 201).count() >= 20);

            phase.set(Phase.OUTAGE);
            postgres.close();
            Thread.sleep(4_000);
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/actuator/health/readiness")).build();
            Answer down = send(http, readiness);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body()).contains("\"DOWN\"");
            Answer taskList = send(http, HttpRequest.newBuilder(BurstIT.get(app, "/usertasks/instance", ops, "application/json"), (name, value) -> true).header("Accept-Language", "en").build());
            assertThat(taskList.isRefusalToRetry()).as("%d %s", taskList.status(), taskList.body()).isTrue();
            assertThat(JSON.readTree(taskList.body()).path("title").asText()).isEqualTo(BurstIT.bundle("messages/admission.properties").getProperty("admission.database.title"));
            Thread.sleep(2_000);

            postgres = start(port);
            phase.set(Phase.AFTER);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> sent.stream()
                    .anyMatch(request -> request.phase() == Phase.AFTER && request.answer().status() == 201));
            Thread.sleep(3_000);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(sent).allSatisfy(request -> assertThat(request.answer().status() == 201 || request.answer().isRefusalToRetry())
                    .as("%s: %d %s", request.phase(), request.answer().status(), request.answer().body()).isTrue());
            assertThat(sent).filteredOn(request -> request.answeredIn() == Phase.BEFORE).isNotEmpty().allSatisfy(request ->
                    assertThat(request.answer().status()).isEqualTo(201));
            assertThat(sent).filteredOn(request -> request.phase() == Phase.OUTAGE)
                    .anySatisfy(request -> assertThat(request.answer().status()).isEqualTo(503));
            assertThat(send(http, readiness).status()).isEqualTo(200);

            List<String> acknowledged = new ArrayList<>();
            for (Sent request : sent) {
                if (request.answer().status() == 201) {
                    acknowledged.add(JSON.readTree(request.answer().body()).path("id").asText());
                }
            }
            for (String id : acknowledged) {
                assertThat(app.jdbc().queryForObject("select count(*) from public.process_instances where id = ?", Integer.class, id))
                        .as("instance of a 201").isEqualTo(1);
                assertThat(app.jdbc().queryForObject("""
                        select count(*) from public.jbpm_user_tasks_metadata
                        where metadata_name = 'ProcessInstanceId' and metadata_value like ?""", Integer.class, "%" + id + "%"))
                        .as("first task of a 201").isEqualTo(1);
            }

            // the scheduler survived: an evaluation recorded now is chained by the audit sealer, a recurring task of
            // the same scheduler as the timers, without anyone reading the trail
            byte[] split = JSON.writeValueAsBytes(Map.of("tier", "PARTNER", "monthlySales", new java.math.BigDecimal("123456.78"),
                    "monthlyTarget", 100000, "trafficSales", new java.math.BigDecimal("3333.33"), "cooperationMonths", 36, "profitPool", java.math.BigDecimal.ZERO));
            assertThat(send(http, BurstIT.post(app, "/decisions/CommissionSplit", legal, split)).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> app.jdbc().queryForObject(
                    "select count(*) from governance.decision_evaluations where awaiting_chain", Integer.class) == 0);
        }
    }

    @AfterEach
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
    }

    private static Answer send(HttpClient http, HttpRequest request) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), System.nanoTime() - sent);
        } catch (IOException e) {
            return new Answer(-1, null, null, e.toString(), System.nanoTime() - sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, null, e.toString(), System.nanoTime() - sent);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
