package com.livegov.governance.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: the one way to record who did what, when, to what, and why, in a form that holds up in a
 * dispute (append-only, hash-chained; {@code GET /audit/verification} proves it intact).
 *
 * <p>{@link #record} joins the caller's transaction: the entry commits with the change it records, or neither
 * does. The entries of a transaction are written just before it commits. The entries of process instances (every
 * entry of the transaction names one) are written waiting for the chain and take no lock: process transactions
 * come in great numbers, and each holding the chain's lock across its commit made them all wait on one another;
 * {@link AuditSealer} chains them in the order written, within seconds and before every read of the trail. Other
 * entries are chained at once, after the waiting ones, so the chain's lock is held only from that moment to the
 * commit and is always the last lock a transaction takes (no deadlock with the business's own row locks). Outside
 * a transaction an entry is written at once, in a transaction of its own.
 *
 * <p>Entries recorded first elsewhere, in great numbers ({@link DeferredAuditEntries}), are chained in batches by
 * {@link AuditSealer}.
 *
 * <p>{@link #recordIndependently} is for what must stay on record even when the request's own transaction
 * rolls back: a failed login, a refused request.
 */
@Service
public class AuditTrail {

    private final AuditChain chain;
    private final ObjectMapper json;
    private final TransactionTemplate ownTransaction;

    AuditTrail(AuditChain chain, ObjectMapper json, PlatformTransactionManager transactions) {
        this.chain = chain;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ownTransaction.setName("audit-trail");
    }

    /** Records the entry in the caller's transaction (or in one of its own when there is none). */
    public void record(AuditEntry entry) {
        AuditChain.Pending pending = pending(entry);
        if (TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            entriesOfThisTransaction().add(pending);
        } else {
            appendNow(List.of(pending));
        }
    }

    /** Records the entry so that it stays even if the caller's transaction rolls back. */
    public void recordIndependently(AuditEntry entry) {
        AuditChain.Pending pending = pending(entry);
        ownTransaction.executeWithoutResult(status -> chain.append(List.of(pending)));
    }

    /**
     * Records a refused request ({@link AuditAction#REQUEST_REFUSED}), independently of the request's
     * transaction. The actor is the logged-in user, else {@code anonymous}; a user the request claimed to be
     * ({@code ?user=}) is kept in the details.
     */
    public void recordRefusal(HttpServletRequest request, HttpStatusCode status, AuditTarget target, String reason,
            Map<String, ?> details) {
        String claimed = request.getParameter("user");
        String actor = request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : "anonymous";
        Map<String, Object> all = new LinkedHashMap<>();
        if (claimed != null && !claimed.equals(actor)) {
            all.put("claimedUser", claimed);
        }
        all.put("status", status.value());
        all.put("request", request.getMethod() + " " + request.getRequestURI());
        all.put("authenticated", request.getUserPrincipal() != null);
        all.putAll(details);
        recordIndependently(AuditEntry.of(AuditAction.REQUEST_REFUSED, actor,
                target != null ? target : AuditTarget.request(request.getMethod(), request.getRequestURI()), reason).withDetails(all));
    }

    private void appendNow(List<AuditChain.Pending> entries) {
        ownTransaction.executeWithoutResult(status -> write(chain, entries));
    }

    /** Writes the entries waiting for the chain when all are a process instance's, else chains them now. */
    private static void write(AuditChain chain, List<AuditChain.Pending> entries) {
        if (entries.stream().allMatch(pending -> pending.entry().processInstanceId() != null)) {
            chain.appendWaiting(entries);
        } else {
            chain.append(entries);
        }
    }

    /** Appends these entries to the chain now, in the caller's transaction (the sealer's). */
    void appendInTransaction(List<AuditEntry> entries) {
        chain.append(entries.stream().map(this::pending).toList());
    }

    /** The details as JSON, taken now (a map handed in may change later); a value JSON cannot hold becomes its text. */
    private AuditChain.Pending pending(AuditEntry entry) {
        ObjectNode details = json.createObjectNode();
        entry.details().forEach((key, value) -> details.set(key, tree(value)));
        return new AuditChain.Pending(clean(entry), details);
    }

    private JsonNode tree(Object value) {
        try {
            return json.valueToTree(value);
        } catch (IllegalArgumentException e) {
            return json.getNodeFactory().textNode(String.valueOf(value));
        }
    }

    /** PostgreSQL text cannot hold the NUL character; it is recorded as U+FFFD. */
    private static AuditEntry clean(AuditEntry entry) {
        return new AuditEntry(entry.action(), clean(entry.actor()),
                entry.target() == null ? null : new AuditTarget(clean(entry.target().kind()), clean(entry.target().id())),
                clean(entry.reason()), clean(entry.processInstanceId()), clean(entry.streamerId()), entry.details());
    }

    private static String clean(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private EntriesOfTransaction entriesOfThisTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof EntriesOfTransaction entries && entries.chain == chain) {
                return entries;
            }
        }
        EntriesOfTransaction entries = new EntriesOfTransaction(chain);
        TransactionSynchronizationManager.registerSynchronization(entries);
        return entries;
    }

    /**
     * The entries recorded in one transaction, appended just before it commits. Synchronizations are suspended
     * with their transaction, so an inner REQUIRES_NEW transaction collects its own entries.
     */
    private static final class EntriesOfTransaction implements TransactionSynchronization, Ordered {

        private final AuditChain chain;
        private final List<AuditChain.Pending> entries = new ArrayList<>();
        private boolean appended;

        EntriesOfTransaction(AuditChain chain) {
            this.chain = chain;
        }

        /** Once the entries are written, a later one (from another synchronization) is written at once. */
        void add(AuditChain.Pending pending) {
            if (appended) {
                write(chain, List.of(pending));
            } else {
                entries.add(pending);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            write(chain, entries);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
