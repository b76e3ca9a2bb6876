package com.livegov.governance.config;

import org.kie.kogito.usertask.UserTaskInstances;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts {@link JdbcUserTaskStore} in the place of Kogito's JPA user-task store, over the same tables. Kogito's
 * generated configuration takes whichever {@link UserTaskInstances} bean there is; its JPA store is created by
 * Kogito's Spring Boot add-on and replaced here as it is initialised, before anything is given it.
 */
@Component
class KogitoTaskStore implements BeanPostProcessor {

    private final ObjectProvider<JdbcTemplate> jdbc;

    KogitoTaskStore(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof UserTaskInstances && !(bean instanceof JdbcUserTaskStore)) {
            return new JdbcUserTaskStore(jdbc.getObject());
        }
        return bean;
    }
}
