package com.livegov.governance.offboarding;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * Benchmark of the processes over the public REST API, printed as a table:
 * <ol>
 * <li>offboarding: time from the start request to every account of the streamer disabled, over 100
 * offboardings after 20 for warm-up (each streamer has two sub-accounts; they are disabled inside the start
 * request, so its answer is the moment they are all disabled);</li>
 * <li>approval: a two-level approval (start, then claim and complete at each level), instances per second with
 * 1 and 8 concurrent clients.</li>
 * </ol>
 * Run: {@code mvn -DskipTests -pl runtime -am package exec:java@process-benchmark}. Not a test.
 */
public final class ProcessBenchmark {

    private static final int OFFBOARDINGS = 100;
    private static final int WARM_UP_APPROVALS = 40;
    private static final int APPROVALS_PER_CLIENT = 40;

    private ProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "logging.level.root=WARN")) {
            offboardings(app, "warm-up-", 20);
            rows.add(offboardings(app, "bench-", OFFBOARDINGS));
            ApprovalClient client = new ApprovalClient(app);
            approvals(client, 1, WARM_UP_APPROVALS);
            rows.add(approvals(client, 1, APPROVALS_PER_CLIENT));
            rows.add(approvals(client, 8, APPROVALS_PER_CLIENT));
        }
        System.out.println();
        System.out.printf("%-58s %8s %12s %10s %10s%n", "Process benchmark", "clients", "per second", "p50 (ms)", "p99 (ms)");
        rows.forEach(row -> System.out.printf("%-58s %8s %12s %10s %10s%n", (Object[]) row));
        System.out.printf("(%d cores, Java %s, embedded PostgreSQL 16)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.exit(0);
    }

    private static String[] offboardings(RunningApp app, String prefix, int count) {
        StreamerRegistry registry = app.bean(StreamerRegistry.class);
        long[] latencies = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String streamer = prefix + i;
            registry.register(new StreamerRegistry.Streamer(streamer, "Host " + i, "KEY", "ACTIVE", "beauty", LocalDate.of(2024, 1, 1), "mia"));
            registry.openSubAccount(streamer + "-live", "@" + streamer + "-live", streamer, 1000);
            registry.openSubAccount(streamer + "-shop", "@" + streamer + "-shop", streamer, 1000);
            Map<String, Object> body = new HashMap<>();
            body.put("streamerId", streamer);
            body.put("departureTime", Instant.now().toString());
            body.put("departureReason", "RESIGNATION");
            body.put("initiatedBy", "hanna");
            body.put("requestedNonCompeteMonths", 12);
            body.put("averageMonthlyIncome", 10000.0);
            body.put("annualRevenue", 200000.0);
            body.put("ipInvestment", "COMPANY_FUNDED");
            long t0 = System.nanoTime();
            given(app.api()).body(body).post("/" + StreamerOffboarding.PROCESS_ID).then().statusCode(201);
            latencies[i] = System.nanoTime() - t0;
        }
        Integer open = app.jdbc().queryForObject(
                "select count(*) from governance.accounts where authorized_streamer like ? and status <> 'DISABLED'", Integer.class, prefix + "%");
        if (open != 0) {
            throw new IllegalStateException(open + " accounts still open");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return row("offboarding: start to all accounts disabled (" + count + " runs)", 1, count / seconds, latencies);
    }

    private static String[] approvals(ApprovalClient client, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    String id = client.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines("PT1H", "PT1H"));
                    // each step answers when its work is done: the next task exists when the call returns
                    client.decide(client.taskFor(id, "ops-manager").orElseThrow(), "mia", "ops-manager", new Decision(true, "agreed"));
                    client.decide(client.taskFor(id, "director").orElseThrow(), "dora", "director", new Decision(true, "agreed"));
                    latencies[i] = System.nanoTime() - t0;
                }
                return latencies;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return row("approval: start, claim + complete twice (per instance)", clients, merged.length / seconds, merged);
    }

    private static String[] row(String name, int clients, double perSecond, long[] latencies) {
        Arrays.sort(latencies);
        return new String[] { name, String.valueOf(clients), String.format("%,.1f", perSecond),
                String.format("%.1f", latencies[latencies.length / 2] / 1e6),
                String.format("%.1f", latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.99))] / 1e6) };
    }
}
