package com.livegov.governance.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up: the demo users, one per group ({@code demo-<group>}), exist and are enabled when
 * {@code governance.security.demo-users} is on (the embedded default), and are disabled when it is off (the
 * production profile). With {@code governance.security.bootstrap-admin-password} set and no enabled admin,
 * an {@code admin} user is created. This happens before the web server opens its port (not as an application
 * runner, which runs after it): a client that starts with the application never meets a demo user that does not
 * exist yet.
 */
@Component
class StartupUsers implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StartupUsers.class);

    private final UserDirectory users;
    private final IdentityProperties properties;

    StartupUsers(UserDirectory users, IdentityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.demoUsers()) {
            for (Group group : Group.values()) {
                users.ensure("demo-" + group.id(), properties.demoPassword(), List.of(group.id()), true);
            }
            LOG.info("Demo users enabled: demo-<group> for every group, password from governance.security.demo-password");
        } else {
            int disabled = users.disableDemoUsers();
            if (disabled > 0) {
                LOG.info("Disabled {} demo users", disabled);
            }
        }
        String bootstrap = properties.bootstrapAdminPassword();
        if (bootstrap != null && !bootstrap.isBlank() && !users.hasAdmin()) {
            if (bootstrap.length() < UserDirectory.MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("governance.security.bootstrap-admin-password needs at least "
                        + UserDirectory.MIN_PASSWORD_LENGTH + " characters");
            }
            users.ensure("admin", bootstrap, List.of(Group.ADMIN.id()), false);
            LOG.info("Created the bootstrap admin user 'admin'");
        }
    }
}
