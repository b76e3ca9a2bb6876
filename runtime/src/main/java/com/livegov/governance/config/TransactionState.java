package com.livegov.governance.config;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a component keeps for the length of one transaction (changes to write before the commit, say): bound to the
 * transaction under the component as key, created and registered on first use, set aside while the transaction is
 * suspended (so that a nested {@code REQUIRES_NEW} transaction starts its own), and dropped when it ends.
 */
public abstract class TransactionState implements TransactionSynchronization {

    private final Object key;

    protected TransactionState(Object key) {
        this.key = key;
    }

    /**
     * The state bound under {@code key} to the current transaction; if there is none, a new one from {@code create},
     * or null when {@code create} is null or no transaction is synchronized.
     */
    public static <S extends TransactionState> S current(Object key, Class<S> type, Supplier<S> create) {
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return type.cast(bound);
        }
        if (create == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        S state = create.get();
        TransactionSynchronizationManager.bindResource(key, state);
        TransactionSynchronizationManager.registerSynchronization(state);
        return state;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(key);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(key, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
}
