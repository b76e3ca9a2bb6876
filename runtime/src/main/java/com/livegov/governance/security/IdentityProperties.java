package com.livegov.governance.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings ({@code governance.security.*}).
 *
 * @param processStarters per process id, the groups that may start it over REST; a process not listed cannot
 *        be started over REST by anyone (processes start each other internally)
 * @param processActors per process id, the variable that names who started it: set to the logged-in user
 * @param demoUsers whether the demo users (one per group) exist and may log in; off in the production profile
 * @param demoPassword the demo users' password
 * @param bootstrapAdminPassword when set and no enabled admin exists, an {@code admin} user is created with it
 * @param credentialCache how long a verified username/password pair is trusted without checking the hash again
 * @param oidc the optional OAuth2/OIDC resource-server mode
 */
@ConfigurationProperties("governance.security")
public record IdentityProperties(Map<String, List<String>> processStarters, Map<String, String> processActors, boolean demoUsers, String demoPassword,
        String bootstrapAdminPassword, Duration credentialCache, Oidc oidc) {

    public IdentityProperties {
        processStarters = processStarters == null ? Map.of() : processStarters;
        processActors = processActors == null ? Map.of() : processActors;
        demoPassword = demoPassword == null || demoPassword.isBlank() ? "demo-password" : demoPassword;
        credentialCache = credentialCache == null ? Duration.ofSeconds(30) : credentialCache;
        oidc = oidc == null ? new Oidc(false, "groups") : oidc;
    }

    /**
     * @param enabled bearer tokens (JWT) are accepted, checked against {@code spring.security.oauth2.resourceserver.jwt.*}
     * @param rolesClaim the claim holding the user's groups
     */
    public record Oidc(boolean enabled, String rolesClaim) {
        public Oidc {
            rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "groups" : rolesClaim;
        }
    }
}
