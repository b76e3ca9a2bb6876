package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.livegov.governance.support.ApplicationJar;
import com.livegov.governance.support.JarClient;
import com.livegov.governance.support.JarClient.Answer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of the application ({@code java -jar} on its embedded PostgreSQL) while clients start
 * account-action approvals and decide their first level, then a restart on the same data directory. What was
 * acknowledged is there, and nothing is half-written:
 * <ul>
 * <li>every start answered 201 has its instance (or ended consistently), its start in the history and the audit
 * trail, and exactly one open task, of the first level or, when the first level approved, the second;</li>
 * <li>every first-level decision answered 200 moved its instance on: an approval to the second level, a rejection
 * to the end;</li>
 * <li>across the whole database: no instance without its open task, no task without its instance, no start in
 * the audit trail whose instance is neither there nor ended, the inbox's index agrees with the open tasks, and
 * the audit chain verifies.</li>
 * </ul>
 */
class CrashUnderLoadIT {

    private static final int CLIENTS = 6;
    private static final int ACCOUNTS = 400;
    private static final String REQUESTER = "olga";
    private static final String LEVEL1 = "nora";
    private static final String READER = "rita";

    @TempDir
    Path dataDirectory;

    @TempDir
    Path logDirectory;

    private ApplicationJar jar;
    private ExecutorService clients;

    /** What the clients were told: the instances started (201) and the first-level decisions taken (200). */
    private final Map<String, String> startedOnAccount = new ConcurrentHashMap<>();
    private final Map<String, Boolean> decidedAtLevel1 = new ConcurrentHashMap<>();
    private final List<String> unexpectedAnswers = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void prepare() throws Exception {
        jar = new ApplicationJar(dataDirectory, logDirectory);
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stopEverything() throws Exception {
        clients.shutdownNow();
        jar.close();
    }

    @Test
    void everyAcknowledgedStartAndDecisionSurvivesAKillNineUnderLoadAndNothingIsHalfWritten() throws Exception {
        ApplicationJar.Instance first = jar.start("first");
        JarClient before = new JarClient(first);
        before.createUser(REQUESTER, "ops");
        before.createUser(LEVEL1, "ops-manager");
        before.createUser(READER, "ops-manager", "legal", "ops");
        before.importSubAccounts("crash", LEVEL1, ACCOUNTS);

        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger nextAccount = new AtomicInteger();
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> approveUntilKilled(before, nextAccount, killed));
        }
        // kill in the middle of the load: enough acknowledged, requests of every kind in flight
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> startedOnAccount.size() >= 40 && decidedAtLevel1.size() >= 20 || nextAccount.get() >= ACCOUNTS);
        killed.set(true);
        jar.killNine(first);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("the clients ended after the kill").isTrue();
        assertThat(unexpectedAnswers).as("answers before the kill other than 201/200").isEmpty();
        assertThat(nextAccount.get()).as("the kill came before the load ran out").isLessThan(ACCOUNTS);

        ApplicationJar.Instance second = jar.start("second");
        JarClient after = new JarClient(second);
        // the open tasks: those of both groups, and those the first-level approver claimed before the kill
        Map<String, Map<String, Object>> openTaskById = new HashMap<>();
        for (String user : List.of(READER, LEVEL1)) {
            after.tasksOf(user).forEach(task -> openTaskById.put((String) task.get("id"), task));
        }
        Map<String, String> openTaskOf = new HashMap<>(); // process instance -> its one open task's name
        for (Map<String, Object> task : openTaskById.values()) {
            String instance = (String) ((Map<?, ?>) task.get("metadata")).get("ProcessInstanceId");
            assertThat(openTaskOf.put(instance, (String) task.get("taskName"))).as("a second open task of %s", instance).isNull();
        }
        Set<String> openTasks = new HashSet<>(openTaskById.keySet());

        try (Connection db = jar.database()) {
            ApprovalRecords records = new ApprovalRecords(db);
            for (Map.Entry<String, String> started : startedOnAccount.entrySet()) {
                String id = started.getKey();
                Boolean decision = decidedAtLevel1.get(id);
                boolean active = after.isActive(id);
                assertThat(records.startsRecorded(id)).as("the start of %s in the audit trail and the history", id).isEqualTo(List.of(1, 1));
                if (active) {
                    assertThat(openTaskOf.get(id)).as("the open task of %s", id).isNotNull();
                    if (Boolean.TRUE.equals(decision)) {
                        assertThat(openTaskOf.get(id)).as("%s approved at the first level", id).isEqualTo(ApprovalRecords.LEVEL2_TASK);
                    }
                    assertThat(decision).as("%s was rejected at the first level, yet it is active", id).isNotEqualTo(Boolean.FALSE);
                } else {
                    assertThat(decision).as("%s ended without a rejection acknowledged or in flight", id).isNotEqualTo(Boolean.TRUE);
                    assertThat(rejected(started.getValue())).as("%s ended, yet its client approves it", id).isTrue();
                    assertThat(records.endedRejectedAtLevel1(id)).as("%s ended by its rejection", id).isTrue();
                    assertThat(openTaskOf).doesNotContainKey(id);
                }
                if (decision != null) {
                    assertThat(records.completedTasks(id)).as("the first-level decision of %s in the audit trail", id).isEqualTo(1);
                }
            }
            records.assertNothingHalfWritten(openTaskOf, openTasks);
        }
        assertThat(after.auditChainIntact()).as("the audit chain verifies after the crash").isTrue();
    }

    /** One client: start an approval, decide its first level (one in four rejected), until the application dies. */
    private void approveUntilKilled(JarClient client, AtomicInteger nextAccount, AtomicBoolean killed) {
        while (!killed.get()) {
            int number = nextAccount.getAndIncrement();
            if (number >= ACCOUNTS) {
                return;
            }
            String account = "crash-acc-" + number;
            Answer start = client.startApproval(REQUESTER, account);
            if (!expected(start, 201, "start on " + account, killed)) {
                return;
            }
            String id = (String) start.json().get("id");
            startedOnAccount.put(id, account);
            boolean approve = !rejected(account);
            Answer decided = client.decideFirstLevel(LEVEL1, id, approve);
            if (!expected(decided, 200, "first-level decision of " + id, killed)) {
                return;
            }
            decidedAtLevel1.put(id, approve);
        }
    }

    /** Whether the answer came and is the expected one; an answer that never came (the kill) ends the client. */
    private boolean expected(Answer answer, int status, String what, AtomicBoolean killed) {
        if (answer.status() == status) {
            return true;
        }
        if (answer.status() != Answer.NO_ANSWER && !killed.get()) {
            unexpectedAnswers.add(what + ": " + answer.status() + " " + answer.body());
        }
        return false;
    }

    /** The clients reject one request in four at the first level, and approve the others. */
    private static boolean rejected(String account) {
        return Integer.parseInt(account.substring(account.lastIndexOf('-') + 1)) % 4 == 0;
    }
}
