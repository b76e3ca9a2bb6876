package com.livegov.governance.offboarding;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.BenchmarkTable;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;

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
        BenchmarkTable table = new BenchmarkTable("Process benchmark (embedded PostgreSQL 16)", "per second");
        BenchmarkTable warmUp = new BenchmarkTable("warm-up", "per second");
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "logging.level.root=WARN")) {
            offboardings(warmUp, app, "warm-up-", 20);
            offboardings(table, app, "bench-", OFFBOARDINGS);
            ApprovalClient client = new ApprovalClient(app);
            approvals(warmUp, client, 1, WARM_UP_APPROVALS);
            approvals(table, client, 1, APPROVALS_PER_CLIENT);
            approvals(table, client, 8, APPROVALS_PER_CLIENT);
        }
        table.print();
        System.exit(0);
    }

    private static void offboardings(BenchmarkTable table, RunningApp app, String prefix, int count) {
        long[] latencies = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String streamer = prefix + i;
            TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live", streamer + "-shop");
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
        table.add("offboarding: start to all accounts disabled (" + count + " runs)", 1, count / seconds, latencies);
    }

    private static void approvals(BenchmarkTable table, ApprovalClient client, int clients, int perClient) throws Exception {
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
                    client.decide(client.taskFor(id, "ops-manager").orElseThrow(), "nora", "ops-manager", new Decision(true, "agreed"));
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
        table.add("approval: start, claim + complete twice (per instance)", clients, merged.length / seconds, merged);
    }

}
