package com.livegov.governance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The streamer-governance application: Kogito processes and decisions on Spring Boot and PostgreSQL.
 *
 * <p>Kogito's generated beans live in {@code org.kie.kogito} and {@code org.jbpm}; both must be scanned, or
 * Kogito silently falls back to in-memory stores. Kogito's generated {@code DecisionModels} is left out:
 * business-rule tasks reach the decisions through {@code decisions.GovernedDecisionModels} instead.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = { "com.livegov.governance", "org.kie.kogito", "org.jbpm" },
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kie\\.kogito\\.app\\.DecisionModels"),
                // replaced by config/KogitoProcessStoreConfig: the store on the transaction's connection, with its lock
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.kie\\.kogito\\.persistence\\.springboot\\.JDBCProcessInstancesFactory")
        })
@EntityScan(basePackages = { "com.livegov.governance", "org.jbpm.usertask.jpa.model" })
public class GovernanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovernanceApplication.class, args);
    }
}
