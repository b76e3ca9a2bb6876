package com.livegov.governance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;

/**
 * The streamer-governance application: Kogito processes and decisions on Spring Boot and PostgreSQL.
 *
 * <p>Kogito's generated beans live in {@code org.kie.kogito}, {@code org.jbpm} and in packages derived from
 * the DMN namespaces ({@code https_58_47_47...}); all three must be scanned, or Kogito silently falls back to
 * in-memory stores.
 */
@SpringBootApplication(scanBasePackages = {
        "com.livegov.governance",
        "org.kie.kogito",
        "org.jbpm",
        "https_58_47_47streamer_45governance_46org_47dmn_47approval_45chain"
})
@EntityScan(basePackages = { "com.livegov.governance", "org.jbpm.usertask.jpa.model" })
public class GovernanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovernanceApplication.class, args);
    }
}
