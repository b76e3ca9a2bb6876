package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Kogito 10.1.0 builds its user-task container lazily on the first request that needs it; concurrent first
 * requests then raced on the in-memory job service's executor list ({@code ConcurrentModificationException},
 * about 5 in 100 requests failed). The very first requests of a fresh instance, all released at once, must
 * all succeed.
 */
class ConcurrentFirstRequestsIT {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 6;

    @Test
    void concurrentFirstRequestsAfterStartUpAllSucceed() throws Exception {
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase())) {
            new ApprovalClient(app).openAccount("sub-concurrency");
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch startingGun = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                boolean starter = client % 2 == 0;
                results.add(pool.submit(firstRequests(app, startingGun, starter)));
            }
            startingGun.countDown();

            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                statuses.addAll(result.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(statuses).hasSize(CLIENTS * REQUESTS_PER_CLIENT).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        }
    }

    private static Callable<List<Integer>> firstRequests(RunningApp app, CountDownLatch startingGun, boolean starter) {
        return () -> {
            startingGun.await();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                if (starter && i % 2 == 0) {
                    statuses.add(given(app.api()).body(ApprovalRequest.of("ROTATE_STREAM_KEY").onAccount("sub-concurrency"))
                            .post("/" + AccountActionApproval.PROCESS_ID).statusCode());
                } else {
                    statuses.add(given(app.api()).queryParam("user", "nora").queryParam("group", "ops-manager")
                            .get("/usertasks/instance").statusCode());
                }
            }
            return statuses;
        };
    }
}
