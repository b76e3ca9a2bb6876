package com.livegov.governance.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TimerTable;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The durable timer service under the approval's deadlines ({@code Timer_Level1Deadline}), with the
 * application stopped, restarted and run twice on one database:
 * <ol>
 * <li>a boundary timer fires and withdraws the JPA-stored user task it interrupts;</li>
 * <li>a pending timer survives a stop and fires after the restart, and the approval can be finished;</li>
 * <li>a timer that fell due while the application was down fires at start-up;</li>
 * <li>two instances sharing one database fire each timer exactly once;</li>
 * <li>the same under load, and two completions of one task racing on the two instances: one 200, one 409, and
 * the process moves on once;</li>
 * <li>the timer of a task completed before its deadline is cancelled and never fires.</li>
 * </ol>
 * Each test has a database of its own.
 */
class DurableTimersIT {

    private static final String LONG = "PT1H";

    @Test
    void boundaryTimerFiresAndWithdrawsTheStoredUserTask() {
        String db = TestDatabase.newDatabase();
        try (RunningApp app = RunningApp.start(db)) {
            ApprovalClient approvals = new ApprovalClient(app);
            String id = approvals.request(ApprovalRequest.of("DISABLE").withDeadlines("PT1S", LONG));

            approvals.awaitTaskFor(id, "legal");

            // Kogito 10.1.0 cancelled the interrupted JPA user task outside any transaction and failed here;
            // TransactionalUnitOfWork runs the timer's unit of work in one.
            assertThat(approvals.taskFor(id, "ops-manager")).isEmpty();
            TimerTable timers = new TimerTable(db);
            assertThat(timers.timesLeft(id, "Timer_Level1Deadline")).isEqualTo(1);
            assertThat(timers.pendingFor(id)).as("only the second level's deadline is pending").hasSize(1)
                    .allSatisfy(due -> assertThat(due).isAfter(Instant.now().plus(Duration.ofMinutes(50))));
        }
    }

    @Test
    void pendingTimerSurvivesARestartAndFiresAfterIt() {
        String db = TestDatabase.newDatabase();
        TimerTable timers = new TimerTable(db);
        String id;
        try (RunningApp before = RunningApp.start(db)) {
            id = new ApprovalClient(before).request(ApprovalRequest.of("DISABLE").withDeadlines("PT40S", LONG));
        }
        assertThat(timers.pendingFor(id)).hasSize(1);

        try (RunningApp after = RunningApp.start(db)) {
            ApprovalClient approvals = new ApprovalClient(after);
            assertThat(approvals.taskFor(id, "ops-manager")).as("not yet due after the restart").isPresent();

            Map<String, Object> escalated = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> approvals.taskFor(id, "legal"), task -> task.isPresent()).orElseThrow();

            approvals.decide(escalated, "lena", "legal", new Decision(true, "approved after the restart"));
            assertThat(approvals.awaitEnded(id)).containsSubsequence("Timer_Level1Deadline", "Task_Level2Approval", "End_Approved");
        }
    }

    @Test
    void approvalStartedBeforeARestartIsCompletedAfterIt() {
        String db = TestDatabase.newDatabase();
        String id;
        try (RunningApp before = RunningApp.start(db)) {
            ApprovalClient approvals = new ApprovalClient(before);
            id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines(LONG, LONG));
            approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));
        }
        try (RunningApp after = RunningApp.start(db)) {
            ApprovalClient approvals = new ApprovalClient(after);
            approvals.decide(approvals.awaitTaskFor(id, "legal"), "lena", "legal", new Decision(true, "lawful"));
            assertThat(approvals.awaitEnded(id)).endsWith("End_Approved");
        }
    }

    @Test
    void timerThatFellDueWhileTheApplicationWasDownFiresAtStartUp() {
        String db = TestDatabase.newDatabase();
        TimerTable timers = new TimerTable(db);
        String id;
        try (RunningApp before = RunningApp.start(db)) {
            id = new ApprovalClient(before).request(ApprovalRequest.of("DISABLE").withDeadlines("PT2S", LONG));
        }
        Instant due = timers.pendingFor(id).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusSeconds(1)));
        assertThat(timers.timesLeft(id, "Timer_Level1Deadline")).as("nothing fires while the application is down").isZero();

        try (RunningApp after = RunningApp.start(db)) {
            ApprovalClient approvals = new ApprovalClient(after);
            approvals.awaitTaskFor(id, "legal");
            assertThat(timers.timesLeft(id, "Timer_Level1Deadline")).isEqualTo(1);
        }
    }

    @Test
    void twoInstancesOnOneDatabaseFireEachTimerExactlyOnce() {
        String db = TestDatabase.newDatabase();
        TimerTable timers = new TimerTable(db);
        try (RunningApp first = RunningApp.start(db); RunningApp second = RunningApp.start(db)) {
            List<ApprovalClient> clients = List.of(new ApprovalClient(first), new ApprovalClient(second));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(clients.get(i % 2).request(ApprovalRequest.of("DISABLE").withDeadlines("PT2S", LONG)));
            }

            for (String id : ids) {
                clients.get(0).awaitTaskFor(id, "legal");
            }
            // give a second firing every chance to happen: several polling rounds of both instances
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> ids.stream().allMatch(id -> timers.timesLeft(id, "Timer_Level1Deadline") == 1));
            for (String id : ids) {
                assertThat(timers.timesLeft(id, "Timer_Level1Deadline")).as("timer of %s", id).isEqualTo(1);
                assertThat(clients.get(1).taskFor(id, "legal")).isPresent();
            }
        }
    }

    @Test
    void twoInstancesUnderLoadFireEachTimerOnceAndTwoCompletionsOfOneTaskGiveOne200AndOne409() throws Exception {
        String db = TestDatabase.newDatabase();
        TimerTable timers = new TimerTable(db);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicBoolean loading = new AtomicBoolean(true);
        try (RunningApp first = RunningApp.start(db); RunningApp second = RunningApp.start(db)) {
            List<ApprovalClient> clients = List.of(new ApprovalClient(first), new ApprovalClient(second));
            // requests keep flowing through both instances all along: approvals started and decided at both levels
            List<Future<Integer>> load = List.of(threads.submit(() -> approveWhile(loading, clients, 0)),
                    threads.submit(() -> approveWhile(loading, clients, 1)));

            List<String> timed = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                timed.add(clients.get(i % 2).request(ApprovalRequest.of("DISABLE").withDeadlines("PT3S", LONG)));
            }

            for (int pair = 0; pair < 20; pair++) {
                String id = clients.get(pair % 2).request(ApprovalRequest.of("DISABLE").withDeadlines(LONG, LONG));
                Map<String, Object> task = clients.get(0).awaitTaskFor(id, "ops-manager");
                clients.get(pair % 2).claim(task, "nora", "ops-manager");
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Response>> completions = new ArrayList<>();
                for (ApprovalClient client : clients) {
                    completions.add(threads.submit(() -> {
                        gate.await();
                        return client.submit(task, "nora", "ops-manager", new Decision(true, "agreed"));
                    }));
                }
                gate.countDown();
                List<Response> answers = new ArrayList<>();
                for (Future<Response> completion : completions) {
                    answers.add(completion.get(60, TimeUnit.SECONDS));
                }
                assertThat(answers).as("pair %d on %s: %s", pair, id, answers.stream().map(Response::asString).toList())
                        .extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
                Response refused = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.jsonPath().getInt("status")).isEqualTo(409);
                // the process moved on exactly once: one second-level task, one first-level completion
                Map<String, Object> level2 = clients.get(1).awaitTaskFor(id, "legal");
                assertThat(clients.get(0).tasksFor(id, "lena", "legal")).extracting(open -> open.get("id")).containsExactly(level2.get("id"));
                assertThat(timers.nodeEvents(id, "Task_Level2Approval", "NODE_ENTERED")).as("pair %d on %s", pair, id).isEqualTo(1);
                assertThat(timers.nodeEvents(id, "Task_Level1Approval", "NODE_LEFT")).as("pair %d on %s", pair, id).isEqualTo(1);
            }

            for (String id : timed) {
                clients.get(0).awaitTaskFor(id, "legal");
            }
            // give a second firing every chance to happen: several polling rounds of both instances
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> timed.stream().allMatch(id -> timers.timesLeft(id, "Timer_Level1Deadline") == 1));
            loading.set(false);
            for (String id : timed) {
                assertThat(timers.timesLeft(id, "Timer_Level1Deadline")).as("timer of %s", id).isEqualTo(1);
                assertThat(timers.nodeEvents(id, "Task_Level2Approval", "NODE_ENTERED")).as("escalations of %s", id).isEqualTo(1);
                assertThat(clients.get(1).tasksFor(id, "lena", "legal")).as("second-level tasks of %s", id).hasSize(1);
            }
            for (Future<Integer> client : load) {
                assertThat(client.get(60, TimeUnit.SECONDS)).as("approvals the load ran meanwhile").isPositive();
            }
        } finally {
            loading.set(false);
            threads.shutdownNow();
        }
    }

    /** One client of the load: starts an approval on one instance and decides both levels on the other, while asked to. */
    private static int approveWhile(AtomicBoolean loading, List<ApprovalClient> clients, int offset) {
        int done = 0;
        while (loading.get()) {
            ApprovalClient starter = clients.get((done + offset) % 2);
            ApprovalClient decider = clients.get((done + offset + 1) % 2);
            String id = starter.request(ApprovalRequest.of("DISABLE").withDeadlines(LONG, LONG));
            decider.decide(decider.awaitTaskFor(id, "ops-manager"), "nina", "ops-manager", new Decision(true, "agreed"));
            decider.decide(decider.awaitTaskFor(id, "legal"), "lea", "legal", new Decision(true, "lawful"));
            starter.awaitEnded(id);
            done++;
        }
        return done;
    }

    @Test
    void timerOfATaskCompletedBeforeItsDeadlineIsCancelledAndNeverFires() {
        String db = TestDatabase.newDatabase();
        TimerTable timers = new TimerTable(db);
        try (RunningApp app = RunningApp.start(db)) {
            ApprovalClient approvals = new ApprovalClient(app);
            String id = approvals.request(ApprovalRequest.of("DISABLE").withDeadlines("PT4S", LONG));
            assertThat(timers.pendingFor(id)).hasSize(1);

            approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));
            approvals.awaitTaskFor(id, "legal");

            assertThat(timers.pendingFor(id)).as("only the second level's deadline is pending").hasSize(1)
                    .allSatisfy(due -> assertThat(due).isAfter(Instant.now().plus(Duration.ofMinutes(50))));
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8))
                    .until(() -> timers.timesLeft(id, "Timer_Level1Deadline") == 0);
            assertThat(approvals.nodesPassed(id)).doesNotContain("Timer_Level1Deadline");
        }
    }
}
