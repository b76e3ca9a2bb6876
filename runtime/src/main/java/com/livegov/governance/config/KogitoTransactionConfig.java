package com.livegov.governance.config;

import org.kie.kogito.event.EventManager;
import org.kie.kogito.services.uow.CollectingUnitOfWork;
import org.kie.kogito.services.uow.DefaultUnitOfWorkManager;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Replaces Kogito's default unit-of-work manager (its bean is conditional on a missing one) with one whose
 * units of work join or open a Spring transaction, and collect process events only when somebody publishes them
 * ({@link UnpublishedEventsSkipped}).
 */
@Configuration(proxyBeanMethods = false)
class KogitoTransactionConfig {

    @Bean
    UnitOfWorkManager unitOfWorkManager(PlatformTransactionManager transactions) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
        definition.setName("kogito-unit-of-work");
        EventManager events = new UnpublishedEventsSkipped();
        return new DefaultUnitOfWorkManager(kogitosEventManager -> new TransactionalUnitOfWork(
                new CollectingUnitOfWork(events), transactions, definition)) {

            @Override
            public EventManager eventManager() {
                return events;
            }
        };
    }
}
