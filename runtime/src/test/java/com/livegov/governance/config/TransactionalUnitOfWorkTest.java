package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.kogito.uow.UnitOfWork;
import org.mockito.InOrder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

class TransactionalUnitOfWorkTest {

    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final UnitOfWork work = mock(UnitOfWork.class);
    private final TransactionStatus status = mock(TransactionStatus.class);
    private TransactionalUnitOfWork unit;

    @BeforeEach
    void setUp() {
        when(transactions.getTransaction(any())).thenReturn(status);
        unit = new TransactionalUnitOfWork(work, transactions, new DefaultTransactionDefinition());
    }

    @Test
    void workIsFlushedInsideTheTransactionAndThenCommitted() {
        unit.start();
        unit.end();

        InOrder order = inOrder(transactions, work);
        order.verify(transactions).getTransaction(any());
        order.verify(work).start();
        order.verify(work).end();
        order.verify(transactions).commit(status);
    }

    @Test
    void abortRollsBack() {
        unit.start();
        unit.abort();

        verify(work).abort();
        verify(transactions).rollback(status);
        verify(transactions, never()).commit(any());
    }

    @Test
    void failingFlushRollsBackAndNothingIsCommitted() {
        doThrow(new IllegalStateException("write failed")).when(work).end();
        unit.start();

        assertThatThrownBy(unit::end).hasMessage("write failed");
        verify(transactions).rollback(status);
        verify(transactions, never()).commit(any());
    }
}
