package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.Burst;
import com.livegov.governance.support.Burst.Answer;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Bursts of 200 concurrent requests to each endpoint family, against a connection pool of 6 and 3 requests
 * admitted at once (the admission control of {@link AdmissionControl}):
 * <ul>
 * <li>with room in the queue (250) and a long enough wait, every request of every family is answered normally:
 * process starts (201, each with its instance and its first task, nothing else written), the task list, task
 * claims, decision evaluations, a workbench page and the audit trail;</li>
 * <li>with a queue of 10, the requests beyond it are refused at once with 503, {@code Retry-After} and a problem
 * document in the reader's language; every other answer is normal, and no answer is any other 5xx.</li>
 * </ul>
 */
class BurstIT {

    private static final int BURST = 200;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFamilyOfTwoHundredConcurrentRequestsIsAnsweredNormallyWithinTheQueue() throws Exception {
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "spring.datasource.hikari.maximum-pool-size=6",
                "governance.admission.max-concurrent=3", "governance.admission.max-queued=250", "governance.admission.max-wait=PT100S")) {
            new ApprovalClient(app).openAccount("sub-burst");
            String ops = app.basicLogin("burst-ops", "ops");
            byte[] start = JSON.writeValueAsBytes(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount("sub-burst"));

            List<Answer> starts = Burst.fire(times(() -> post(app, "/" + AccountActionApproval.PROCESS_ID, ops, start)), WAIT);
            assertAll(starts, answer -> answer.status() == 201, "process starts");
            List<String> started = new ArrayList<>();
            for (Answer answer : starts) {
                started.add(JSON.readTree(answer.body()).path("id").asText());
            }
            assertThat(app.jdbc().queryForObject("select count(*) from public.process_instances where process_id = ?", Integer.class,
                    AccountActionApproval.PROCESS_ID)).as("instances written: one per 201, no other").isEqualTo(BURST);
            for (String id : started) {
                assertThat(app.jdbc().queryForObject("select count(*) from public.process_instances where id = ?", Integer.class, id))
                        .as("instance of a 201").isEqualTo(1);
                assertThat(app.jdbc().queryForObject("""
                        select count(*) from public.jbpm_user_tasks_metadata
                        where metadata_name = 'ProcessInstanceId' and metadata_value like ?""", Integer.class, "%" + id + "%"))
                        .as("first task of a 201").isEqualTo(1);
            }

            assertAll(Burst.fire(times(() -> get(app, "/usertasks/instance", ops, "application/json")), WAIT),
                    answer -> answer.status() == 200, "task lists");

            List<HttpRequest> claims = new ArrayList<>();
            for (Map<String, Object> task : app.jdbc().queryForList("""
                    select g.task_id, g.group_id from public.jbpm_user_tasks_potential_groups g
                    join public.jbpm_user_tasks t on t.id = g.task_id where t.actual_owner is null""")) {
                if (claims.size() < BURST && claims.stream().noneMatch(claim -> claim.uri().getPath().contains((String) task.get("task_id")))) {
                    String login = app.basicLogin("burst-" + task.get("group_id"), (String) task.get("group_id"));
                    claims.add(post(app, "/usertasks/instance/" + task.get("task_id") + "/transition", login,
                            JSON.writeValueAsBytes(Map.of("transitionId", "claim"))));
                }
            }
            assertThat(claims).hasSize(BURST);
            assertAll(Burst.fire(claims, WAIT), answer -> answer.status() == 200, "task claims");

            String legal = app.basicLogin("burst-legal", "legal");
            byte[] split = JSON.writeValueAsBytes(Map.of("tier", "PARTNER", "monthlySales", new BigDecimal("123456.78"),
                    "monthlyTarget", 100000, "trafficSales", new BigDecimal("3333.33"), "cooperationMonths", 36, "profitPool", BigDecimal.ZERO));
            assertAll(Burst.fire(times(() -> post(app, "/decisions/CommissionSplit", legal, split)), WAIT),
                    answer -> answer.status() == 200, "decision evaluations");

            assertAll(Burst.fire(times(() -> get(app, "/", ops, "text/html")), WAIT),
                    answer -> answer.status() == 200 && answer.contentType().startsWith("text/html"), "workbench home pages");

            String admin = app.basicLogin("burst-admin", "admin");
            assertAll(Burst.fire(times(() -> get(app, "/audit/entries?limit=50", admin, "application/json")), WAIT),
                    answer -> answer.status() == 200, "audit reads");
        }
    }

    @Test
    void beyondTheQueueRequestsAreRefusedAtOnceWithRetryAfterInTheReadersLanguage() throws Exception {
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "spring.datasource.hikari.maximum-pool-size=6",
                "governance.admission.max-concurrent=3", "governance.admission.max-queued=10", "governance.admission.max-wait=PT100S",
                "governance.admission.retry-after=PT3S")) {
            new ApprovalClient(app).openAccount("sub-burst");
            String ops = app.basicLogin("burst-ops", "ops");
            byte[] start = JSON.writeValueAsBytes(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount("sub-burst"));
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                HttpRequest request = post(app, "/" + AccountActionApproval.PROCESS_ID, ops, start);
                requests.add(i % 2 == 0 ? request : HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("Accept-Language", "zh-CN").build());
            }

            List<Answer> answers = Burst.fire(requests, WAIT);

            assertThat(answers).allSatisfy(answer -> assertThat(answer.status() == 201 || answer.isRefusalToRetry())
                    .as("%d %s", answer.status(), answer.body()).isTrue());
            List<Answer> refused = answers.stream().filter(answer -> answer.status() == 503).toList();
            // 3 running and 10 waiting at most when the burst arrives; the rest cannot all have been served by then
            assertThat(refused).hasSizeGreaterThan(BURST / 2);
            assertThat(refused).allSatisfy(answer -> assertThat(answer.retryAfter()).isEqualTo("3"));
            Properties english = bundle("messages/admission.properties");
            Properties chinese = bundle("messages/admission_zh_CN.properties");
            List<String> titles = refused.stream().map(answer -> read(answer).path("title").asText()).distinct().toList();
            assertThat(titles).containsExactlyInAnyOrder(english.getProperty("admission.busy.title"), chinese.getProperty("admission.busy.title"));
            long created = Burst.count(answers, answer -> answer.status() == 201);
            assertThat(app.jdbc().queryForObject("select count(*) from public.process_instances where process_id = ?", Integer.class,
                    AccountActionApproval.PROCESS_ID)).as("a refused start writes nothing").isEqualTo((int) created);
        }
    }

    private static void assertAll(List<Answer> answers, Predicate<Answer> normal, String family) {
        assertThat(answers).as(family).hasSize(BURST)
                .allSatisfy(answer -> assertThat(normal.test(answer)).as("%s: %d %s", family, answer.status(), answer.body()).isTrue());
    }

    private static List<HttpRequest> times(java.util.function.Supplier<HttpRequest> request) {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            requests.add(request.get());
        }
        return requests;
    }

    static HttpRequest post(RunningApp app, String path, String login, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).header("Authorization", login)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static HttpRequest get(RunningApp app, String path, String login, String accept) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).header("Authorization", login)
                .header("Accept", accept).GET().build();
    }

    private static JsonNode read(Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BurstIT.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
