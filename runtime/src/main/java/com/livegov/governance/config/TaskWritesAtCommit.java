package com.livegov.governance.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTaskInstances;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Kogito's user-task store written once per task and transaction, right before the commit.
 *
 * <p>Kogito's task instance hands itself to its store after every single change: each name, priority, group set,
 * metadata entry and input of a new task, each output of a completion. Its JPA store then maps the whole task again
 * (every input and metadata value serialised to JSON) and merges it with all its child rows. A new approval task
 * went through that about 25 times in the transaction that created it; a profile of the approval benchmark put a
 * third of the server's request time in that store.
 *
 * <p>Here a change inside a transaction only marks the task as changed. The task is written once, by the store's own
 * mapping, before the transaction commits, so the task and every other change of the transaction still commit
 * together or not at all; a rolled-back transaction writes nothing. Reads in the same transaction see the pending
 * task: {@code findById} returns it, and {@code findByIdentity} writes what is pending first, so its query sees it.
 * Outside a transaction every change is written at once, as before.
 */
@Component
class TaskWritesAtCommit implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof UserTaskInstances store && !(bean instanceof WrittenAtCommit)) {
            return new WrittenAtCommit(store);
        }
        return bean;
    }

    static final class WrittenAtCommit implements UserTaskInstances {

        private final UserTaskInstances store;

        WrittenAtCommit(UserTaskInstances store) {
            this.store = store;
        }

        @Override
        public void setReconnectUserTaskInstance(Function<UserTaskInstance, UserTaskInstance> reconnect) {
            store.setReconnectUserTaskInstance(reconnect);
        }

        @Override
        public void setDisconnectUserTaskInstance(Function<UserTaskInstance, UserTaskInstance> disconnect) {
            store.setDisconnectUserTaskInstance(disconnect);
        }

        @Override
        public List<UserTaskInstance> findByIdentity(IdentityProvider identity) {
            Pending pending = pending(false);
            if (pending != null) {
                pending.write();
            }
            return store.findByIdentity(identity);
        }

        @Override
        public Optional<UserTaskInstance> findById(String id) {
            Pending pending = pending(false);
            if (pending != null && pending.tasks.containsKey(id)) {
                return Optional.of(pending.tasks.get(id));
            }
            return store.findById(id);
        }

        @Override
        public boolean exists(String id) {
            Pending pending = pending(false);
            return (pending != null && pending.tasks.containsKey(id)) || store.exists(id);
        }

        @Override
        public UserTaskInstance create(UserTaskInstance task) {
            return store.create(task);
        }

        @Override
        public UserTaskInstance update(UserTaskInstance task) {
            Pending pending = pending(true);
            if (pending == null) {
                return store.update(task);
            }
            pending.tasks.put(task.getId(), task);
            return task;
        }

        @Override
        public UserTaskInstance remove(UserTaskInstance task) {
            Pending pending = pending(false);
            if (pending != null) {
                pending.tasks.remove(task.getId());
            }
            return store.remove(task);
        }

        /** The tasks changed in the current transaction; null outside a transaction (or when not asked to start). */
        private Pending pending(boolean start) {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null && start && TransactionSynchronizationManager.isSynchronizationActive()) {
                pending = new Pending();
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            return pending;
        }

        private final class Pending implements TransactionSynchronization {

            private final Map<String, UserTaskInstance> tasks = new LinkedHashMap<>();

            void write() {
                while (!tasks.isEmpty()) {
                    String id = tasks.keySet().iterator().next();
                    store.update(tasks.remove(id));
                }
            }

            @Override
            public int getOrder() {
                // before any other work at commit, so that work sees the tasks written
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void flush() {
                write();
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                write();
            }

            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(WrittenAtCommit.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(WrittenAtCommit.this, this);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WrittenAtCommit.this);
            }
        }
    }
}
