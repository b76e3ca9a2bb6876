package com.livegov.governance.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.support.BenchmarkTable;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * Benchmark of the CommissionSplit decision, printed as a table:
 * <ol>
 * <li>in-process, one thread, after warm-up: the engine's evaluation of the compiled model, and the same with
 * our input check in front (what the API and the process seam do);</li>
 * <li>over REST: {@code POST /decisions/CommissionSplit} with 1 and 8 concurrent clients on loopback, logged in
 * with HTTP Basic as a member of {@code legal}, each evaluation recorded in PostgreSQL (embedded).</li>
 * </ol>
 * Run: {@code mvn -DskipTests -pl runtime -am package exec:java@decision-benchmark}. Not a test: it
 * measures and prints.
 */
public final class DecisionBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warmup", 20));
    private static final Duration MEASURE = Duration.ofSeconds(10);

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkTable table = new BenchmarkTable("CommissionSplit benchmark", "evaluations/s");
        if (System.getProperty("restOnly") == null) { inProcess(table, false);
        inProcess(table, true); }
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "logging.level.root=WARN")) {
            if (System.getProperty("restOnly") == null) overRest(table, app, 1);
            overRest(table, app, 8);
        }
        table.print();
        System.exit(0);
    }

    private static void inProcess(BenchmarkTable table, boolean withInputCheck) throws IOException {
        PublishedDecision decision = DecisionCatalog.compile("CommissionSplit.dmn", read("/commission-split/CommissionSplit.dmn"));
        Map<String, Object> raw = input();
        Map<String, Object> checked = DecisionInputs.check(decision, raw);
        Runnable once = withInputCheck ? () -> evaluateOnce(decision, DecisionInputs.check(decision, raw)) : () -> evaluateOnce(decision, checked);
        runFor(WARM_UP, once);
        long[] latencies = new long[4_000_000];
        int count = 0;
        long end = System.nanoTime() + MEASURE.toNanos();
        long start = System.nanoTime();
        while (System.nanoTime() < end && count < latencies.length) {
            long t0 = System.nanoTime();
            once.run();
            latencies[count++] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        table.add(withInputCheck ? "in-process: input check + evaluation" : "in-process: evaluation", 1, count / seconds,
                Arrays.copyOf(latencies, count));
    }

    private static void evaluateOnce(PublishedDecision decision, Map<String, Object> inputs) {
        List<String> rules = new ArrayList<>(4);
        if (DecisionService.evaluate(decision, inputs, rules).hasErrors()) {
            throw new IllegalStateException("evaluation failed");
        }
    }

    private static void overRest(BenchmarkTable table, RunningApp app, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = new ObjectMapper().writeValueAsBytes(input());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/decisions/CommissionSplit"))
                .header("Content-Type", "application/json").header("Authorization", app.basicLogin("benchmark-legal", "legal")).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        load(http, request, clients, WARM_UP);
        long[] latencies = load(http, request, clients, MEASURE);
        table.add("REST POST /decisions/CommissionSplit, recorded", clients, (double) latencies.length / MEASURE.toSeconds(), latencies);
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


    private static void runFor(Duration duration, Runnable work) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            work.run();
        }
    }

    private static Map<String, Object> input() {
        return Map.of("tier", "PARTNER", "monthlySales", new java.math.BigDecimal("123456.78"), "monthlyTarget", 100000,
                "trafficSales", new java.math.BigDecimal("3333.33"), "cooperationMonths", 36);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = DecisionBenchmark.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
