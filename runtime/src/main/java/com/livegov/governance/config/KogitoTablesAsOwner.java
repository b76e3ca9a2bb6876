package com.livegov.governance.config;

import org.kie.flyway.springboot.KieFlywaySpringbootInitializer;
import org.kie.flyway.springboot.KieFlywaySpringbootProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Creates and migrates Kogito's own tables (process instances, user tasks) as the owner, like our Flyway
 * migrations, never as the application's restricted login.
 *
 * <p>Kogito's add-on ({@code kie.flyway.enabled}) migrates on the application's {@code DataSource} and cannot be
 * given another, so it is switched off in application.yml and its initializer is declared here on a data source of
 * the owner's login, chosen as Spring Boot chooses Flyway's: {@code spring.flyway.url}, {@code .user} and
 * {@code .password}, each falling back to {@code spring.datasource.*}. The bean keeps the add-on's type, so Spring
 * Boot still runs it before anything that uses the database (and before our own migrations).
 */
@Configuration(proxyBeanMethods = false)
class KogitoTablesAsOwner {

    @Bean
    KieFlywaySpringbootInitializer kogitoMigrationsAsOwner(Environment environment) {
        KieFlywaySpringbootProperties properties = new KieFlywaySpringbootProperties();
        properties.setEnabled(true);
        return new KieFlywaySpringbootInitializer(properties, new DriverManagerDataSource(
                ownerSetting(environment, "url", "url"),
                ownerSetting(environment, "user", "username"),
                ownerSetting(environment, "password", "password")));
    }

    private static String ownerSetting(Environment environment, String flywayName, String dataSourceName) {
        String owner = environment.getProperty("spring.flyway." + flywayName);
        return owner != null && !owner.isBlank() ? owner : environment.getProperty("spring.datasource." + dataSourceName);
    }
}
