package com.livegov.governance.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.offboarding.StreamerOffboarding;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on the real application and a real PostgreSQL:
 * <ul>
 * <li>an approval run is recorded in order (start, decision, claims, completions, account action, end); so are a
 * deadline that cuts a task and sends it upward, the offboarding's warning and breach deadlines, a release, a
 * reassignment and refused requests;</li>
 * <li>the table refuses UPDATE, DELETE and TRUNCATE;</li>
 * <li>the verification (in pages of 7 here) finds the chain intact, and after tampering by someone who can
 * switch the trigger off, finds the edited, the edited-and-rehashed, the removed and the swapped entry;</li>
 * <li>appends from many threads of two application instances on one database keep one intact chain; an entry
 * rolls back with its transaction;</li>
 * <li>the evidence pack of a streamer, as JSON and CSV: the offboarding, the decisions with versions and inputs,
 * the account actions with their approvals; an unknown streamer is 404.</li>
 * </ul>
 */
class AuditTrailIT {

    private static final String LONG = "PT1H";
    private static final int PAGE_SIZE = 7;

    private static String database;
    private static RunningApp app;
    private static ApprovalClient approvals;

    @BeforeAll
    static void startApplication() {
        database = TestDatabase.newDatabase();
        // the scheduled sealer runs once at start-up and then not again: reads of the trail seal (see AuditSealerIT)
        app = RunningApp.start(database, "governance.audit.verification-page-size=" + PAGE_SIZE, "governance.audit.seal-interval=PT1H");
        approvals = new ApprovalClient(app);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void anApprovalRunIsRecordedInOrderWithItsActorsAndStreamer() {
        ApprovalRequest request = ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)).withDeadlines(LONG, LONG);
        String id = approvals.request(request);
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "mia", "ops-manager", new Decision(true, "diversion on the recording"));
        approvals.decide(approvals.awaitTaskFor(id, "director"), "dora", "director", new Decision(true, "agreed"));
        approvals.awaitEnded(id);

        List<Map<String, Object>> entries = entriesOf(id);

        assertThat(entries).extracting(e -> e.get("action")).containsExactly("PROCESS_STARTED", "DECISION_EVALUATED", "TASK_CREATED",
                "TASK_CLAIMED", "TASK_COMPLETED", "TASK_CREATED", "TASK_CLAIMED", "TASK_COMPLETED", "ACCOUNT_ACTION", "PROCESS_ENDED");
        assertThat(entries).extracting(e -> ((Number) e.get("sequence")).longValue()).isSorted();
        assertThat(entries).allSatisfy(e -> assertThat(e.get("streamerId")).isEqualTo("streamer-of-" + request.subject()));
        assertThat(only(entries, "PROCESS_STARTED"))
                .containsEntry("actor", "olga").containsEntry("reason", "diverted viewers to a personal account");
        assertThat(entries).filteredOn(e -> "TASK_CLAIMED".equals(e.get("action"))).extracting(e -> e.get("actor")).containsExactly("mia", "dora");
        assertThat(entries).filteredOn(e -> "TASK_COMPLETED".equals(e.get("action")))
                .extracting(e -> (Object) ((Map<?, ?>) ((Map<?, ?>) e.get("details")).get("outputs")).get("comment"))
                .containsExactly("diversion on the recording", "agreed");
        Map<String, Object> action = only(entries, "ACCOUNT_ACTION");
        assertThat(action).containsEntry("actor", "process:" + AccountActionApproval.PROCESS_ID)
                .containsEntry("targetKind", "ACCOUNT").containsEntry("targetId", request.subject());
        assertThat((Map<String, Object>) action.get("details")).containsEntry("approvalReference", id).containsEntry("action", "SUSPEND_LIVE");
        Map<String, Object> decision = only(entries, "DECISION_EVALUATED");
        assertThat((Map<String, Object>) decision.get("details")).containsEntry("decision", "ApprovalChain").containsKeys("evaluationId", "version");
        assertThat((Map<String, Object>) only(entries, "PROCESS_ENDED").get("details")).containsEntry("state", "COMPLETED");
    }

    @Test
    void aDeadlineEscalationIsRecordedWithTheTaskItCut() {
        String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines("PT1S", LONG));
        approvals.awaitTaskFor(id, "legal");

        List<Map<String, Object>> entries = entriesOf(id);

        Map<String, Object> escalation = only(entries, "TASK_ESCALATED");
        assertThat(escalation).containsEntry("actor", "system").containsEntry("targetId", "Task_Level1Approval");
        assertThat((Map<String, Object>) escalation.get("details")).containsEntry("timer", "Timer_Level1Deadline").containsEntry("interrupting", true);
        assertThat(entries).extracting(e -> e.get("action")).containsSubsequence("TASK_CREATED", "TASK_CANCELLED", "TASK_CREATED")
                .contains("TASK_ESCALATED");
    }

    @Test
    void theOffboardingDeadlinesAreRecordedAsEscalationsBesideTheRunningHandover() {
        Map<String, Object> start = departure(streamer());
        start.put("requestedDeadlines", Map.of("warningAfter", "PT1S", "deadlineAfter", "PT2S"));
        String id = given(app.api()).queryParam("user", "hanna").queryParam("group", "hr")
                .body(start).when().post("/" + StreamerOffboarding.PROCESS_ID).then().statusCode(201).extract().path("id");

        List<Map<String, Object>> escalations = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> entriesOf(id).stream().filter(e -> "TASK_ESCALATED".equals(e.get("action"))).toList(), found -> found.size() == 2);

        assertThat(escalations).extracting(e -> e.get("targetId")).containsOnly("SubProcess_Handover");
        assertThat(escalations).extracting(e -> (Object) ((Map<?, ?>) e.get("details")).get("timer")).containsExactly("Timer_DeadlineWarning", "Timer_Deadline");
        assertThat(escalations).allSatisfy(e -> assertThat(((Map<?, ?>) e.get("details")).get("interrupting")).isEqualTo(false));
        assertThat(only(entriesOf(id), "PROCESS_STARTED")).containsEntry("actor", "hanna").containsEntry("reason", "RESIGNATION");
    }

    @Test
    void aReleaseAndAReassignmentAreRecorded() {
        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        String taskId = (String) approvals.awaitTaskFor(id, "ops-manager").get("id");
        for (String transition : List.of("claim", "release", "claim", "reassign")) {
            given(app.api()).queryParam("user", "mia").queryParam("group", "ops-manager").body(Map.of("transitionId", transition))
                    .when().post("/usertasks/instance/{id}/transition", taskId).then().statusCode(200);
        }

        assertThat(entriesOf(id)).filteredOn(e -> taskId.equals(e.get("targetId"))).extracting(e -> e.get("action"))
                .containsExactly("TASK_CREATED", "TASK_CLAIMED", "TASK_RELEASED", "TASK_CLAIMED", "TASK_REASSIGNED");
    }

    @Test
    void refusedRequestsAreRecordedAndARefusedStartLeavesOnlyItsRefusal() {
        String streamer = streamer();
        Map<String, Object> offboarding = departure(streamer);
        offboarding.put("averageMonthlyIncome", -1.0);
        given(app.api()).body(offboarding).when().post("/" + StreamerOffboarding.PROCESS_ID).then().statusCode(400);

        List<Map<String, Object>> aboutStreamer = entries("streamer", streamer);
        assertThat(aboutStreamer).as("the refused start's own entries rolled back with it").isEmpty();
        Map<String, Object> refusal = last("REQUEST_REFUSED");
        assertThat(refusal).containsEntry("targetKind", "REQUEST").containsEntry("targetId", "POST /" + StreamerOffboarding.PROCESS_ID);
        assertThat((Map<String, Object>) refusal.get("details")).containsEntry("status", 400).containsEntry("input", "averageMonthlyIncome");

        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        String taskId = (String) approvals.awaitTaskFor(id, "ops-manager").get("id");
        given(app.api()).queryParam("user", "olga").queryParam("group", "ops-manager").body(Map.of("transitionId", "claim"))
                .when().post("/usertasks/instance/{id}/transition", taskId).then().statusCode(403);

        assertThat(last("REQUEST_REFUSED")).containsEntry("actor", "olga").containsEntry("targetKind", "TASK").containsEntry("targetId", taskId)
                .satisfies(e -> assertThat((String) e.get("reason")).contains("olga requested this action"));
    }

    @Test
    void theRecordApiKeepsAFailedLoginAndAnIndependentEntrySurvivesARollback() {
        AuditTrail trail = app.bean(AuditTrail.class);
        trail.record(AuditEntry.of(AuditAction.LOGIN_FAILED, "mallory", AuditTarget.user("mallory"), "bad password")
                .withDetails(Map.of("remoteAddress", "203.0.113.7", "attempt", 3)));
        String marker = UUID.randomUUID().toString();
        assertThatThrownBy(() -> inTransaction(() -> {
            trail.record(AuditEntry.of(AuditAction.REQUEST_REFUSED, "eve", null, "rolled back " + marker));
            trail.recordIndependently(AuditEntry.of(AuditAction.REQUEST_REFUSED, "eve", null, "kept " + marker));
            throw new IllegalStateException("the business change fails");
        })).hasMessageContaining("business change fails");

        Map<String, Object> login = last("LOGIN_FAILED");
        assertThat(login).containsEntry("actor", "mallory").containsEntry("targetKind", "USER").containsEntry("reason", "bad password");
        assertThat((Map<String, Object>) login.get("details")).containsEntry("remoteAddress", "203.0.113.7").containsEntry("attempt", 3);
        assertThat(reasonsContaining(marker)).containsExactly("kept " + marker);
        assertIntact();
    }

    @Test
    void anApiEvaluationWaitsUnchainedUntilTheTrailIsRead() {
        await().atMost(Duration.ofSeconds(10)).until(() -> sql().queryForObject(
                "select count(*) from governance.scheduled_tasks where task_name = 'audit-sealer' and execution_time > now() + interval '30 minutes'", Long.class) == 1);
        app.bean(AuditSealer.class).seal(); // the entries of earlier tests' processes, still waiting
        long before = head();
        long id = given(app.api()).contentType("application/json").body(Map.of("fanLossRate", 11, "interactionDrop", 0, "otherAccountMentions", 0))
                .post("/decisions/TrafficAlert").then().statusCode(200).extract().jsonPath().getLong("evaluationId");
        assertThat(sql().queryForObject("select awaiting_chain from governance.decision_evaluations where id = ?", Boolean.class, id)).isTrue();
        assertThat(head()).as("nothing chained in the request").isEqualTo(before);

        List<Map<String, Object>> entries = given(app.api()).queryParam("after", before).get("/audit/entries")
                .then().statusCode(200).extract().jsonPath().getList("$");

        Map<String, Object> decision = only(entries, "DECISION_EVALUATED");
        assertThat(decision).containsEntry("actor", "tester");
        assertThat((Map<String, Object>) decision.get("details")).containsEntry("evaluationId", (int) id).containsEntry("decision", "TrafficAlert");
        assertThat(sql().queryForObject("select awaiting_chain from governance.decision_evaluations where id = ?", Boolean.class, id)).isFalse();
        assertIntact();
    }

    @Test
    void theTrailRefusesUpdateDeleteAndTruncate() {
        recordSome(3);
        // even to its owner: the application's own login is refused before any trigger (ApplicationRoleIT)
        JdbcTemplate sql = owner();

        assertThatThrownBy(() -> sql.update("update governance.audit_trail set reason = 'nothing happened' where sequence = 1"))
                .rootCause().hasMessageContaining("governance.audit_trail is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> sql.update("delete from governance.audit_trail where sequence = 1"))
                .rootCause().hasMessageContaining("governance.audit_trail is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> sql.execute("truncate governance.audit_trail"))
                .rootCause().hasMessageContaining("governance.audit_trail is append-only: TRUNCATE is not allowed");
        assertThatThrownBy(() -> sql.update("update governance.audit_chain_head set sequence = 1"))
                .rootCause().hasMessageContaining("may only advance");
        assertThatThrownBy(() -> sql.update("insert into governance.audit_trail (sequence, recorded_at, actor, action, details, previous_hash, entry_hash)"
                + " values (1000000, now(), 'mallory', 'TASK_COMPLETED', '{}', 'f00', 'ba5')"))
                .rootCause().hasMessageContaining("does not continue the chain");
        assertIntact();
    }

    @Test
    void anEditedEntryIsReportedAtItsSequence() {
        long target = middleEntry();
        String original = sql().queryForObject("select actor from governance.audit_trail where sequence = ?", String.class, target);
        try {
            asSuperuser("update governance.audit_trail set actor = 'somebody else' where sequence = " + target);

            JsonPath report = verification();
            assertThat(report.getBoolean("intact")).isFalse();
            assertThat(report.getLong("firstBreak.sequence")).isEqualTo(target);
            assertThat(report.getString("firstBreak.kind")).isEqualTo("edited");
            assertThat(report.getString("firstBreak.foundHash")).isEqualTo(hashOf(target));
            assertThat(report.getString("firstBreak.expectedHash")).isNotEqualTo(report.getString("firstBreak.foundHash")).hasSize(64);
            assertThat(report.getLong("entries")).isEqualTo(target - 1);
        } finally {
            asSuperuser("update governance.audit_trail set actor = '" + original + "' where sequence = " + target);
        }
        assertIntact();
    }

    @Test
    void anEntryEditedAndRehashedIsReportedByTheNextLink() {
        long target = middleEntry();
        AuditChain chain = app.bean(AuditChain.class);
        RecordedEntry entry = chain.page(target - 1, target, 1).get(0);
        RecordedEntry forged = new RecordedEntry(entry.sequence(), entry.recordedAt(), entry.actor(), entry.action(), entry.targetKind(),
                entry.targetId(), "a reason nobody gave", entry.processInstanceId(), entry.streamerId(), entry.details(), entry.previousHash(), null);
        String forgedHash = CanonicalForm.hash(entry.previousHash(), forged.canonical());
        try {
            asSuperuser("update governance.audit_trail set reason = 'a reason nobody gave', entry_hash = '" + forgedHash + "' where sequence = " + target);

            JsonPath report = verification();
            assertThat(report.getString("firstBreak.kind")).isEqualTo("edited");
            assertThat(report.getLong("firstBreak.sequence")).isEqualTo(target);
            assertThat(report.getString("firstBreak.expectedHash")).isEqualTo(entry.entryHash());
            assertThat(report.getString("firstBreak.foundHash")).isEqualTo(forgedHash);
        } finally {
            asSuperuser("update governance.audit_trail set reason = " + (entry.reason() == null ? "null" : "'" + entry.reason().replace("'", "''") + "'")
                    + ", entry_hash = '" + entry.entryHash() + "' where sequence = " + target);
        }
        assertIntact();
    }

    @Test
    void aRemovedEntryIsReportedMissing() {
        long target = middleEntry();
        String removedHash = hashOf(target);
        try {
            asSuperuser("create table governance.audit_removed as select * from governance.audit_trail where sequence = " + target,
                    "delete from governance.audit_trail where sequence = " + target);

            JsonPath report = verification();
            assertThat(report.getBoolean("intact")).isFalse();
            assertThat(report.getLong("firstBreak.sequence")).isEqualTo(target);
            assertThat(report.getString("firstBreak.kind")).isEqualTo("missing");
            assertThat(report.getString("firstBreak.expectedHash")).as("what the next entry remembers").isEqualTo(removedHash);
        } finally {
            owner().execute("insert into governance.audit_trail select * from governance.audit_removed");
            owner().execute("drop table governance.audit_removed");
        }
        assertIntact();
    }

    @Test
    void swappedEntriesAreReportedReordered() {
        long target = middleEntry();
        String swap = "update governance.audit_trail set sequence = %d where sequence = %d";
        String[] swapped = { swap.formatted(Integer.MAX_VALUE, target), swap.formatted(target, target + 1), swap.formatted(target + 1, Integer.MAX_VALUE) };
        try {
            asSuperuser(swapped);

            JsonPath report = verification();
            assertThat(report.getString("firstBreak.kind")).isEqualTo("reordered");
            assertThat(report.getLong("firstBreak.sequence")).isEqualTo(target);
        } finally {
            asSuperuser(swapped);
        }
        assertIntact();
    }

    @Test
    void aProcessEntryCommitsWithItsChangeWithoutTheChainLockAndIsChainedInOrderLater() throws Exception {
        AuditTrail trail = app.bean(AuditTrail.class);
        String process = "p-" + UUID.randomUUID();
        AuditEntry started = AuditEntry.of(AuditAction.PROCESS_STARTED, "olga", AuditTarget.process(process), "first").inProcess(process);
        AuditEntry claimed = AuditEntry.of(AuditAction.TASK_CLAIMED, "mia", AuditTarget.task("t-1"), "second").inProcess(process);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            Future<?> holder = pool.submit(() -> inTransaction(() -> {
                sql().queryForObject("select sequence from governance.audit_chain_head where id = 1 for update", Long.class);
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long before = head();

            // while another transaction holds the chain's head, a process transaction still commits with its entries
            pool.submit(() -> inTransaction(() -> {
                trail.record(started);
                trail.record(claimed);
            })).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThatThrownBy(() -> inTransaction(() -> {
                trail.record(claimed.withDetails(Map.of("rolledBack", true)));
                throw new IllegalStateException("the process step fails");
            })).hasMessageContaining("process step fails");

            assertThat(sql().queryForList("select reason from governance.audit_trail where process_instance_id = ? and sequence is null order by id",
                    String.class, process)).as("written in the transaction, waiting for the chain").containsExactly("first", "second");
            release.countDown();
            holder.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(head()).isEqualTo(before);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }

        JdbcTemplate sql = app.jdbc();
        assertThatThrownBy(() -> sql.update("update governance.audit_trail set reason = 'changed' where process_instance_id = ?", process))
                .rootCause().hasMessageContaining("governance.audit_trail is append-only: UPDATE is not allowed");
        // the application's login may not delete at all (db/roles/application-role.sql); the trigger stops the owner
        assertThatThrownBy(() -> sql.update("delete from governance.audit_trail where process_instance_id = ?", process))
                .rootCause().hasMessageContaining("permission denied for table audit_trail");
        assertThatThrownBy(() -> sql.update("""
                update governance.audit_trail set sequence = 1000000, previous_hash = 'f00', entry_hash = 'ba5'
                where process_instance_id = ? and reason = 'first'""", process))
                .rootCause().hasMessageContaining("does not continue the chain");

        List<Map<String, Object>> entries = entriesOf(process);
        assertThat(entries).extracting(e -> e.get("reason")).containsExactly("first", "second");
        assertThat(entries).extracting(e -> ((Number) e.get("sequence")).longValue()).isSorted();
        assertThat(sql.queryForObject("select count(*) from governance.audit_trail where sequence is null", Long.class)).isZero();
        assertIntact();
    }

    @Test
    void concurrentAppendsFromTwoInstancesKeepOneIntactChain() throws Exception {
        long before = head();
        int threads = 8;
        int perThread = 25;
        try (RunningApp replica = RunningApp.start(database)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AuditTrail trail = (t % 2 == 0 ? app : replica).bean(AuditTrail.class);
                PlatformTransactionManager transactions = (t % 2 == 0 ? app : replica).bean(PlatformTransactionManager.class);
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        AuditEntry entry = AuditEntry.of(AuditAction.REQUEST_REFUSED, "load-" + thread, AuditTarget.user("load-" + thread),
                                "append " + i).withDetails(Map.of("thread", thread, "i", i, "amount", 1234.50));
                        if (i % 5 == 0) {
                            // two entries in one transaction of the caller, appended together at its commit
                            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                                trail.record(entry);
                                trail.record(entry.withDetails(Map.of("second", true)));
                            });
                        } else {
                            trail.record(entry);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
        }
        int expected = threads * (perThread + perThread / 5);

        assertThat(head()).isEqualTo(before + expected);
        JsonPath report = verification();
        assertThat(report.getBoolean("intact")).isTrue();
        assertThat(report.getLong("entries")).isEqualTo(before + expected);
    }

    @Test
    void theEvidencePackHoldsTheOffboardingTheDecisionsAndTheApprovedActions() {
        String streamer = streamer();
        String account = streamer + "-live";
        String approval = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").onAccount(account)
                .withParameters(Map.of("suspensionDays", 2)).withDeadlines(LONG, LONG));
        approvals.decide(approvals.awaitTaskFor(approval, "ops-manager"), "mia", "ops-manager", new Decision(true, "diversion on the recording"));
        approvals.decide(approvals.awaitTaskFor(approval, "director"), "dora", "director", new Decision(true, "agreed"));
        approvals.awaitEnded(approval);
        String offboarding = given(app.api()).body(departure(streamer)).when().post("/" + StreamerOffboarding.PROCESS_ID)
                .then().statusCode(201).extract().path("id");

        JsonPath pack = given(app.api()).get("/audit/evidence/{streamer}", streamer).then().statusCode(200).extract().jsonPath();

        assertThat(pack.getString("streamerId")).isEqualTo(streamer);
        assertThat(pack.getList("auditEntries.processInstanceId")).contains(approval, offboarding);
        assertThat(pack.getList("decisions.decision")).contains("ApprovalChain", "OffboardingTerms");
        assertThat(pack.getList("decisions.version", String.class)).allSatisfy(version -> assertThat(version).isNotBlank());
        assertThat(((Number) pack.get("decisions.find { it.decision == 'OffboardingTerms' }.inputs.averageMonthlyIncome")).doubleValue())
                .isEqualTo(20000.0);
        Map<String, Object> suspension = pack.getMap("accountActions.find { it.action == 'SUSPEND_LIVE' }");
        assertThat(suspension).containsEntry("approvalReference", approval).containsEntry("accountId", account);
        assertThat(pack.getList("accountActions.find { it.action == 'SUSPEND_LIVE' }.approvals.approver")).containsExactly("mia", "dora");
        assertThat(pack.getList("accountActions.action")).contains("SUSPEND_LIVE", "DISABLE", "ROTATE_STREAM_KEY");
        assertThat(pack.getList("offboardings.processInstanceId")).containsExactly(offboarding);
        assertThat(pack.getList("offboardings[0].steps.step")).contains("DEPARTURE", "OFFBOARDING_STARTED", "ACCOUNT_DISABLE");
        assertThat(pack.getLong("chainHead.sequence")).isPositive();

        for (Response csv : List.of(given(app.api()).accept("text/csv").get("/audit/evidence/{streamer}.csv", streamer),
                given(app.api()).accept("text/csv").queryParam("format", "csv").get("/audit/evidence/{streamer}", streamer))) {
            csv.then().statusCode(200).contentType(containsString("text/csv"))
                    .header("Content-Disposition", containsString("attachment; filename=\"evidence-" + streamer + ".csv\""));
            List<String> lines = csv.asString().lines().toList();
            assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", EvidenceCsv.COLUMNS));
            assertThat(lines).anyMatch(line -> line.startsWith("audit,") && line.contains("PROCESS_STARTED"));
            assertThat(lines).anyMatch(line -> line.startsWith("decision,") && line.contains("OffboardingTerms")
                    && line.contains(pack.getString("decisions.find { it.decision == 'OffboardingTerms' }.version")));
            assertThat(lines).anyMatch(line -> line.startsWith("account_action,") && line.contains("SUSPEND_LIVE")
                    && line.contains(approval + " (mia: approved; dora: approved)"));
            assertThat(lines).anyMatch(line -> line.startsWith("offboarding,") && line.contains("ACCOUNT_DISABLE"));
        }
    }

    @Test
    void anUnknownStreamerHasNoEvidencePack() {
        given(app.api()).get("/audit/evidence/{streamer}", "nobody-at-all").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("detail", containsString("nobody-at-all"));
        given(app.api()).get("/audit/evidence/{streamer}.csv", "nobody-at-all").then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("title", equalTo("Unknown streamer"));
    }

    @Test
    void browsingPagesThroughTheEntriesAndRefusesAnUnreasonableLimit() {
        recordSome(5);
        List<Map<String, Object>> first = given(app.api()).queryParam("limit", 3).get("/audit/entries").then().statusCode(200)
                .extract().jsonPath().getList("$");
        long last = ((Number) first.get(2).get("sequence")).longValue();
        List<Map<String, Object>> next = given(app.api()).queryParam("limit", 3).queryParam("after", last).get("/audit/entries")
                .then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(first).extracting(e -> ((Number) e.get("sequence")).longValue()).containsExactly(1L, 2L, 3L);
        assertThat(next).extracting(e -> ((Number) e.get("sequence")).longValue()).containsExactly(4L, 5L, 6L);
        given(app.api()).queryParam("limit", 0).get("/audit/entries").then().statusCode(400);
        given(app.api()).queryParam("limit", 100_000).get("/audit/entries").then().statusCode(400);
    }

    // --- helpers

    private static String streamer() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live", streamer + "-shop");
        return streamer;
    }

    private static Map<String, Object> departure(String streamer) {
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", streamer);
        start.put("departureTime", Instant.now().toString());
        start.put("departureReason", "RESIGNATION");
        start.put("initiatedBy", "hanna");
        start.put("requestedNonCompeteMonths", 18);
        start.put("averageMonthlyIncome", 20000.0);
        start.put("annualRevenue", 500000.0);
        start.put("ipInvestment", "COMPANY_FUNDED");
        return start;
    }

    private static List<Map<String, Object>> entriesOf(String processInstanceId) {
        return entries("processInstance", processInstanceId);
    }

    private static List<Map<String, Object>> entries(String filter, String value) {
        return given(app.api()).queryParam(filter, value).queryParam("limit", 1000).get("/audit/entries")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String action) {
        List<Map<String, Object>> matching = entries.stream().filter(e -> action.equals(e.get("action"))).toList();
        assertThat(matching).as(action).hasSize(1);
        return matching.get(0);
    }

    /** The newest entry of that action. */
    private static Map<String, Object> last(String action) {
        Long sequence = sql().queryForObject("select max(sequence) from governance.audit_trail where action = ?", Long.class, action);
        return given(app.api()).queryParam("after", sequence - 1).queryParam("limit", 1).get("/audit/entries")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
    }

    private static List<String> reasonsContaining(String marker) {
        return sql().queryForList("select reason from governance.audit_trail where reason like ? order by sequence", String.class, "%" + marker);
    }

    private static void recordSome(int count) {
        AuditTrail trail = app.bean(AuditTrail.class);
        for (int i = 0; i < count; i++) {
            trail.record(AuditEntry.of(AuditAction.REQUEST_REFUSED, "tester", null, "entry " + i));
        }
    }

    /** An entry with others before and after it (recording a few when the trail is short). */
    private static long middleEntry() {
        if (head() < 10) {
            recordSome(10);
        }
        return head() / 2;
    }

    private static long head() {
        return sql().queryForObject("select sequence from governance.audit_chain_head", Long.class);
    }

    private static String hashOf(long sequence) {
        return sql().queryForObject("select entry_hash from governance.audit_trail where sequence = ?", String.class, sequence);
    }

    private static JsonPath verification() {
        return given(app.api()).get("/audit/verification").then().statusCode(200).extract().jsonPath();
    }

    private static void assertIntact() {
        JsonPath report = verification();
        assertThat(report.getBoolean("intact")).as(report.prettify()).isTrue();
        assertThat(report.getLong("entries")).isEqualTo(head());
    }

    /**
     * Runs the statements as an attacker with the owner's (superuser's) rights would: with the table's
     * triggers switched off, then on again. The application's own login cannot (see ApplicationRoleIT).
     */
    private static void asSuperuser(String... statements) {
        DataSource owner = app.owner();
        new TransactionTemplate(new DataSourceTransactionManager(owner)).executeWithoutResult(status -> {
            JdbcTemplate sql = new JdbcTemplate(owner);
            sql.execute("alter table governance.audit_trail disable trigger user");
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("alter table governance.audit_trail enable trigger user");
        });
    }

    /** The owner of the tables, whom only the triggers stop. */
    private static JdbcTemplate owner() {
        return new JdbcTemplate(app.owner());
    }

    private static void inTransaction(Runnable work) {
        new TransactionTemplate(app.bean(PlatformTransactionManager.class)).executeWithoutResult(status -> work.run());
    }

    private static JdbcTemplate sql() {
        return app.jdbc();
    }
}
