package com.livegov.governance.config;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.Burst;
import com.livegov.governance.support.Burst.Answer;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * Bursts of 50, 200 and 400 concurrent requests (approval starts, then task lists), each request on its own
 * connection and all sent at the same instant, against the application with its default settings (a pool of 20,
 * 10 admitted at once, 250 waiting for at most 10 s), and then with the admission control switched off and Hikari's
 * default 30 s connection timeout and Tomcat's 200 threads (as before; a lost connection is still answered 503, not 500). Prints, per burst, how many answers were 2xx, 4xx, 503 and
 * anything else, and the latencies (p50, p95, p99, max).
 *
 * <p>Run: {@code mvn -DskipTests -pl runtime -am package exec:java@burst-benchmark}. Not a test.
 */
public final class BurstBenchmark {

    private static final int[] SIZES = {50, 200, 400};
    private static final Duration WAIT = Duration.ofSeconds(180);

    private BurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = new ArrayList<>();
        measure(rows, "admission on (defaults)");
        measure(rows, "admission off, Hikari 30 s (before)", "governance.admission.enabled=false",
                "spring.datasource.hikari.connection-timeout=30000", "server.tomcat.threads.max=200");
        System.out.println();
        System.out.printf("%-38s %-24s %6s %6s %6s %6s %6s %10s %10s %10s %10s%n", "Burst (pool 20)", "requests", "burst", "2xx", "4xx",
                "503", "other", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)");
        rows.forEach(System.out::println);
        System.out.printf("(%d cores, %s, Java %s; the load generator runs in the same JVM)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        System.exit(0);
    }

    private static void measure(List<String> rows, String setting, String... properties) throws Exception {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("logging.level.root=ERROR");
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), all.toArray(String[]::new))) {
            new ApprovalClient(app).openAccount("sub-burst-bench");
            String ops = app.basicLogin("bench-ops", "ops");
            byte[] start = new ObjectMapper().writeValueAsBytes(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount("sub-burst-bench"));
            Supplier<HttpRequest> starts = () -> BurstIT.post(app, "/" + AccountActionApproval.PROCESS_ID, ops, start);
            Supplier<HttpRequest> lists = () -> BurstIT.get(app, "/usertasks/instance", ops, "application/json");
            // warm-up: the first requests of a fresh JVM compile and load a good deal
            for (int i = 0; i < 5; i++) {
                Burst.fire(times(starts, 20), WAIT);
                Burst.fire(times(lists, 20), WAIT);
            }
            for (int size : SIZES) {
                rows.add(row(setting, "POST /" + AccountActionApproval.PROCESS_ID, size, Burst.fire(times(starts, size), WAIT)));
                Thread.sleep(2_000);
            }
            for (int size : SIZES) {
                rows.add(row(setting, "GET /usertasks/instance", size, Burst.fire(times(lists, size), WAIT)));
                Thread.sleep(2_000);
            }
        }
    }

    private static String row(String setting, String requests, int size, List<Answer> answers) {
        long[] latencies = Burst.latencies(answers);
        String row = String.format("%-38s %-24s %6d %6d %6d %6d %6d %10.1f %10.1f %10.1f %10.1f", setting, requests, size,
                Burst.count(answers, a -> a.status() >= 200 && a.status() < 300), Burst.count(answers, a -> a.status() >= 400 && a.status() < 500),
                Burst.count(answers, a -> a.status() == 503), Burst.count(answers, a -> !(a.status() >= 200 && a.status() < 300)
                        && !(a.status() >= 400 && a.status() < 500) && a.status() != 503),
                Burst.percentileMillis(latencies, 0.50), Burst.percentileMillis(latencies, 0.95), Burst.percentileMillis(latencies, 0.99),
                Burst.percentileMillis(latencies, 1.0));
        System.out.println(row);
        return row;
    }

    private static List<HttpRequest> times(Supplier<HttpRequest> request, int count) {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request.get());
        }
        return requests;
    }
}
