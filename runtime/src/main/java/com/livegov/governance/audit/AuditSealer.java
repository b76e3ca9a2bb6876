package com.livegov.governance.audit;

import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the entries written waiting for the chain (those of process instances, see {@link AuditTrail}) and the
 * records of every {@link DeferredAuditEntries} into the audit trail: in batches, oldest first, one
 * lock of the chain head per batch instead of one per record. It runs every {@code governance.audit.seal-interval}
 * (default one second; a db-scheduler recurring task, so one replica at a time and at most as often as the
 * scheduler polls) and before every read of the trail, so verification, browsing and evidence packs always see
 * every committed record. A source with nothing waiting costs one indexed look and no lock (reads of the trail
 * and the schedule do not contend with appends for nothing). The head is locked before records are taken, so concurrent sealers take turns and
 * never chain a record twice.
 */
@Component
public class AuditSealer {

    static final String TASK_NAME = "audit-sealer";
    private static final int BATCH = 500;

    private final AuditChain chain;
    private final AuditTrail trail;
    private final List<DeferredAuditEntries> sources;
    private final TransactionTemplate transaction;

    AuditSealer(AuditChain chain, AuditTrail trail, List<DeferredAuditEntries> sources, PlatformTransactionManager transactions) {
        this.chain = chain;
        this.trail = trail;
        this.sources = sources;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setName("audit-sealer");
    }

    /** Chains every record waiting so far; returns how many. */
    public int seal() {
        int total = 0;
        if (chain.anyWaiting()) {
            int sealed;
            do {
                Integer batch = transaction.execute(status -> chain.sealWaiting(BATCH));
                sealed = batch == null ? 0 : batch;
                total += sealed;
            } while (sealed == BATCH);
        }
        for (DeferredAuditEntries source : sources) {
            if (!source.anyUnchained()) {
                continue;
            }
            int sealed;
            do {
                Integer batch = transaction.execute(status -> {
                    chain.lockHead();
                    List<AuditEntry> entries = source.takeUnchained(BATCH);
                    trail.appendInTransaction(entries);
                    return entries.size();
                });
                sealed = batch == null ? 0 : batch;
                total += sealed;
            } while (sealed == BATCH);
        }
        return total;
    }

    @Bean
    RecurringTask<Void> auditSealerTask(@Value("${governance.audit.seal-interval:PT1S}") Duration interval) {
        return Tasks.recurring(TASK_NAME, Schedules.fixedDelay(interval))
                .execute((instance, context) -> seal());
    }
}
