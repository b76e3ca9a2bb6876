package com.livegov.governance.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * The process history gathers a transaction's steps and writes them together before the commit: nothing is lost or
 * reordered, a reader in the same transaction sees its own steps, a rollback leaves none, and a nested transaction
 * keeps its own.
 */
class ProcessHistoryIT {

    private static RunningApp app;
    private static ProcessHistory history;
    private static TransactionTemplate transactions;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        history = app.bean(ProcessHistory.class);
        transactions = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void aTransactionsStepsAreWrittenAtItsCommitInTheOrderTheyHappened() {
        String instance = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            history.record("p", instance, "PROCESS_STARTED", null, null, null, null);
            history.record("p", instance, "NODE_ENTERED", "n1", "Check", "ni1", null);
            history.record("p", instance, "TASK_COMPLETED", "n2", "Approve", "ni2", "alice", "bob");
            assertThat(rowsOf(instance)).as("not yet written").isZero();
        });

        assertThat(history.ofProcessInstance(instance)).extracting(ProcessEvent::eventType)
                .containsExactly("PROCESS_STARTED", "NODE_ENTERED", "TASK_COMPLETED");
        assertThat(jdbc.queryForObject("select detail ->> 'onBehalfOf' from governance.process_events where process_instance_id = ? "
                + "and event_type = 'TASK_COMPLETED'", String.class, instance)).isEqualTo("bob");
        assertThat(jdbc.queryForObject("select count(distinct occurred_at) from governance.process_events where process_instance_id = ?",
                Integer.class, instance)).as("one transaction, one time").isOne();
    }

    @Test
    void aReaderInTheSameTransactionSeesItsOwnSteps() {
        String instance = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            history.record("p", instance, "PROCESS_STARTED", null, null, null, null);
            history.record("p", instance, "NODE_ENTERED", "n1", "Check", "ni1", null);
            assertThat(history.ofProcessInstance(instance)).hasSize(2);
            history.record("p", instance, "PROCESS_COMPLETED", null, null, null, null);
        });

        assertThat(history.ofProcessInstance(instance)).extracting(ProcessEvent::eventType)
                .containsExactly("PROCESS_STARTED", "NODE_ENTERED", "PROCESS_COMPLETED");
    }

    @Test
    void aRolledBackTransactionLeavesNoSteps() {
        String instance = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            history.record("p", instance, "PROCESS_STARTED", null, null, null, null);
            history.flush();
            history.record("p", instance, "NODE_ENTERED", "n1", "Check", "ni1", null);
            status.setRollbackOnly();
        });

        assertThat(rowsOf(instance)).isZero();
    }

    @Test
    void aNestedTransactionKeepsItsOwnStepsWhenTheOuterRollsBack() {
        String outer = UUID.randomUUID().toString();
        String inner = UUID.randomUUID().toString();
        TransactionTemplate nested = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transactions.executeWithoutResult(status -> {
            history.record("p", outer, "PROCESS_STARTED", null, null, null, null);
            nested.executeWithoutResult(innerStatus -> history.record("p", inner, "PROCESS_STARTED", null, null, null, null));
            assertThat(rowsOf(inner)).as("committed by the nested transaction").isOne();
            status.setRollbackOnly();
        });

        assertThat(rowsOf(inner)).isOne();
        assertThat(rowsOf(outer)).isZero();
    }

    @Test
    void withoutATransactionAStepIsWrittenAtOnce() {
        String instance = UUID.randomUUID().toString();

        history.record("p", instance, "PROCESS_STARTED", null, null, null, null);

        assertThat(rowsOf(instance)).isOne();
    }

    private static int rowsOf(String instance) {
        return jdbc.queryForObject("select count(*) from governance.process_events where process_instance_id = ?", Integer.class, instance);
    }
}
