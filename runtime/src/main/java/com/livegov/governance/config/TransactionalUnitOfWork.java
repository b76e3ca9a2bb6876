package com.livegov.governance.config;

import org.kie.kogito.uow.UnitOfWork;
import org.kie.kogito.uow.WorkUnit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * A Kogito unit of work that runs inside a Spring transaction: it joins the caller's transaction or opens
 * one, and commits or rolls it back with the unit of work.
 *
 * <p>Kogito 10.1.0 on Spring Boot runs timer-triggered work (a boundary timer cancelling a JPA-stored user
 * task) with no transaction at all, which fails with {@code LazyInitializationException} and then
 * {@code TransactionRequiredException}. Wrapping every unit of work closes that hole for every caller.
 */
final class TransactionalUnitOfWork implements UnitOfWork {

    private final UnitOfWork delegate;
    private final PlatformTransactionManager transactions;
    private final TransactionDefinition definition;
    private TransactionStatus status;

    TransactionalUnitOfWork(UnitOfWork delegate, PlatformTransactionManager transactions, TransactionDefinition definition) {
        this.delegate = delegate;
        this.transactions = transactions;
        this.definition = definition;
    }

    @Override
    public void start() {
        status = transactions.getTransaction(definition);
        try {
            delegate.start();
        } catch (RuntimeException e) {
            transactions.rollback(status);
            throw e;
        }
    }

    @Override
    public void end() {
        try {
            delegate.end();
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        transactions.commit(status);
    }

    @Override
    public void abort() {
        try {
            delegate.abort();
        } finally {
            rollbackQuietly();
        }
    }

    @Override
    public void intercept(WorkUnit work) {
        delegate.intercept(work);
    }

    private void rollbackQuietly() {
        if (status != null && !status.isCompleted()) {
            transactions.rollback(status);
        }
    }
}
