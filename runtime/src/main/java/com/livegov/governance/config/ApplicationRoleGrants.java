package com.livegov.governance.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * After every migration, the owner grants the application's own login what it may do, and no more
 * ({@code db/roles/application-role.sql}): read and write rows, never alter, drop, truncate or switch a
 * trigger off; on the append-only tables (the audit trail, the process history) only add rows.
 *
 * <p>The application's login is {@code spring.datasource.username}; the owner is whoever runs the migrations
 * ({@code spring.flyway.user}, else the same login). Run again at every start, so a table of a new migration,
 * a renamed login or a database created by an older version gets the same grants. When the application logs in
 * as the owner itself (or as a superuser) there is nothing to grant and the append-only tables are not protected
 * from it: that is logged as a warning.
 */
@Component
class ApplicationRoleGrants implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRoleGrants.class);
    private static final Pattern PLAIN_ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String SCRIPT = "db/roles/application-role.sql";

    private final String applicationRole;

    ApplicationRoleGrants(@Value("${spring.datasource.username:}") String applicationRole) {
        this.applicationRole = applicationRole;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(context.getConnection());
        } catch (SQLException e) {
            throw new FlywayException("Could not grant the application's role " + applicationRole + " its rights", e);
        }
    }

    private void grant(Connection owner) throws SQLException {
        String ownerRole = currentRole(owner);
        if (applicationRole.isBlank() || applicationRole.equals(ownerRole)) {
            LOG.warn("The application logs in as the owner of its tables ({}): it could alter them and switch off the audit "
                    + "trail's append-only triggers. Set spring.flyway.user for the owner and a restricted spring.datasource.username.",
                    ownerRole);
            return;
        }
        if (!PLAIN_ROLE_NAME.matcher(applicationRole).matches()) {
            throw new FlywayException("spring.datasource.username is not a plain PostgreSQL role name: " + applicationRole);
        }
        if (isSuperuser(owner, applicationRole)) {
            LOG.warn("The application's role {} is a superuser: grants do not restrict it", applicationRole);
        }
        try (Statement statement = owner.createStatement()) {
            statement.execute(script().replace(":role", '"' + applicationRole + '"'));
        }
        LOG.info("Granted the application's role {} row access only; {} owns the tables", applicationRole, ownerRole);
    }

    private static String currentRole(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean isSuperuser(Connection connection, String role) throws SQLException {
        try (var query = connection.prepareStatement("select rolsuper from pg_roles where rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new FlywayException("The application's role " + role + " does not exist; create it first (see the README)");
                }
                return row.getBoolean(1);
            }
        }
    }

    private static String script() {
        try {
            return new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getCallbackName() {
        return "applicationRoleGrants";
    }
}
