package com.livegov.governance.audit;

import java.util.List;

/**
 * Records kept first in a table of their own and chained into the audit trail later, in batches, by
 * {@link AuditSealer}: for facts that change nothing else and come in great numbers (a decision evaluated over
 * the API), where taking the chain's lock in every request would make the requests wait on one another.
 */
public interface DeferredAuditEntries {

    /** Whether any record waits to be chained: a cheap look, so that a sealer with nothing to do takes no lock. */
    boolean anyUnchained();

    /**
     * Takes up to {@code max} records not chained yet, oldest first, marks them chained and returns their audit
     * entries, in the sealer's transaction: they are chained, or still waiting, together.
     */
    List<AuditEntry> takeUnchained(int max);
}
