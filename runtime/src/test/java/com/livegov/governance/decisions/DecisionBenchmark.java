package com.livegov.governance.decisions;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditSealer;
import com.livegov.governance.support.BenchmarkTable;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * Benchmark of {@code POST /decisions/CommissionSplit} over loopback, printed as a table: 1 and 8 concurrent
 * clients, logged in with HTTP Basic as a member of {@code legal}, each evaluation recorded in PostgreSQL
 * (embedded) and chained into the audit trail by the sealer. The application is warmed up with 90 s of load
 * first: on two cores its JIT compilers need that long to reach steady state (after 20 s the 8-client figure
 * was 650 to 1,000 requests/s, still rising). The in-process engine is measured with JMH
 * ({@link CommissionSplitEvaluation}).
 *
 * <p>Run: {@code mvn -DskipTests -pl runtime -am package exec:java@decision-benchmark}. Not a test: it
 * measures and prints.
 */
public final class DecisionBenchmark {

    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(90);
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkTable table = new BenchmarkTable("CommissionSplit over REST", "requests/s");
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "logging.level.root=WARN")) {
            overRest(table, app, 1, FIRST_WARM_UP);
            overRest(table, app, 8, WARM_UP);
            String switches = whileVersionsSwitch(table, app, 8);
            table.print();
            System.out.println(switches);
            System.out.println(recorded(app));
        }
        System.exit(0);
    }

    private static void overRest(BenchmarkTable table, RunningApp app, int clients, Duration warmUp) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = new ObjectMapper().writeValueAsBytes(input());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/decisions/CommissionSplit"))
                .header("Content-Type", "application/json").header("Authorization", app.basicLogin("benchmark-legal", "legal")).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        load(http, request, clients, warmUp);
        long[] latencies = load(http, request, clients, MEASURE);
        table.add("REST POST /decisions/CommissionSplit, recorded", clients, (double) latencies.length / MEASURE.toSeconds(), latencies);
    }

    /**
     * The same load while the versions in force change: before the measured window an owner approves a reworded
     * CommissionSplit (in force at once) and another one scheduled for the window's middle; during the window an owner
     * rolls back about every 1.5 s (each rollback puts the version before back in force at once). Every request must
     * still answer 200: the load stops at the first other answer.
     */
    private static String whileVersionsSwitch(BenchmarkTable table, RunningApp app, int clients) throws Exception {
        Duration measured = MEASURE.multipliedBy(2);
        approveReworded(app, 1, null);
        Instant scheduled = Instant.now().plus(Duration.ofSeconds(30)).plus(measured.dividedBy(2));
        approveReworded(app, 2, scheduled);
        long firstEvaluation = app.jdbc().queryForObject("select coalesce(max(id), 0) from governance.decision_evaluations", Long.class);
        AtomicBoolean switching = new AtomicBoolean(true);
        List<String> switched = new ArrayList<>();
        Thread owners = new Thread(() -> {
            int round = 0;
            while (switching.get()) {
                switched.add(rollBack(app, round++));
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "owners");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = new ObjectMapper().writeValueAsBytes(input());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/decisions/CommissionSplit"))
                .header("Content-Type", "application/json").header("Authorization", app.basicLogin("benchmark-legal", "legal"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long wait = Duration.between(Instant.now(), scheduled.minus(measured.dividedBy(2))).toMillis();
        if (wait > 0) {
            load(http, request, clients, Duration.ofMillis(wait)); // the scheduled version falls in the middle of the window
        }
        owners.start();
        long[] latencies = load(http, request, clients, measured);
        switching.set(false);
        owners.join();
        table.add("same, while versions switch (rollbacks, a scheduled version)", clients,
                (double) latencies.length / measured.toSeconds(), latencies);
        List<Integer> answered = app.jdbc().queryForList(
                "select distinct version_number from governance.decision_evaluations where decision = 'CommissionSplit' and id > ? order by 1",
                Integer.class, firstEvaluation);
        return String.format("Version switches in the window: %d rollbacks (%s) and v%d scheduled for %s; versions that answered: %s;"
                + " every one of %,d requests answered 200", switched.size(), String.join(", ", switched),
                highest(app) , scheduled, answered, latencies.length);
    }

    private static int highest(RunningApp app) {
        return app.jdbc().queryForObject("select max(number) from governance.decision_versions where model = 'CommissionSplit' and origin <> 'ROLLBACK'",
                Integer.class);
    }

    private static void approveReworded(RunningApp app, int round, Instant effectiveFrom) {
        int number = given(app.as("benchmark-hr", "hr")).post("/decision-models/CommissionSplit/drafts").then().statusCode(201)
                .extract().path("number");
        String xml = given(app.api()).accept("application/xml").get("/decision-models/CommissionSplit/versions/{n}/dmn", number)
                .then().statusCode(200).extract().asString().replaceFirst("<annotationEntry><text>", "<annotationEntry><text>(" + round + ") ");
        String examples = given(app.api()).accept("text/csv").get("/decision-models/CommissionSplit/versions/{n}/examples", number)
                .then().statusCode(200).extract().asString();
        given(app.as("benchmark-hr", "hr")).body(Map.of("xml", xml, "examples", examples))
                .put("/decision-models/CommissionSplit/versions/{n}", number).then().statusCode(200);
        given(app.as("benchmark-hr", "hr")).body(Map.of("text", "wording, round " + round))
                .post("/decision-models/CommissionSplit/versions/{n}/submit", number).then().statusCode(200);
        Map<String, Object> approval = new java.util.HashMap<>(Map.of("comment", "ok"));
        if (effectiveFrom != null) {
            approval.put("effectiveFrom", effectiveFrom.toString());
        }
        given(app.as("benchmark-hr-2", "hr")).body(approval)
                .post("/decision-models/CommissionSplit/versions/{n}/approve", number).then().statusCode(200);
    }

    private static String rollBack(RunningApp app, int round) {
        int number = given(app.as("benchmark-hr", "hr")).body(Map.of("text", "back, round " + round))
                .post("/decision-models/CommissionSplit/rollback").then().statusCode(201).extract().path("number");
        return "v" + number + " rollback";
    }

    private static long[] load(HttpClient http, HttpRequest request, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[200_000];
                int n = 0;
                while (running.get() && n < latencies.length) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }



    /** What the run left on record: every answered request is an evaluation row, chained into an intact audit trail. */
    private static String recorded(RunningApp app) {
        long chained = app.bean(AuditSealer.class).seal();
        Long evaluations = app.jdbc().queryForObject("select count(*) from governance.decision_evaluations", Long.class);
        Long waiting = app.jdbc().queryForObject("select count(*) from governance.decision_evaluations where awaiting_chain", Long.class);
        Long entries = app.jdbc().queryForObject("select count(*) from governance.audit_trail where action = 'DECISION_EVALUATED'", Long.class);
        String intact = given(app.api()).get("/audit/verification").then().statusCode(200).extract().path("intact").toString();
        return String.format("Recorded: %,d evaluations, %,d audit entries for them (%,d chained by the final seal, %,d still waiting), chain intact: %s",
                evaluations, entries, chained, waiting, intact);
    }

    private static Map<String, Object> input() {
        return Map.of("tier", "PARTNER", "monthlySales", new java.math.BigDecimal("123456.78"), "monthlyTarget", 100000,
                "trafficSales", new java.math.BigDecimal("3333.33"), "cooperationMonths", 36,
                "profitPool", java.math.BigDecimal.ZERO);
    }
}
