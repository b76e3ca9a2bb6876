package com.livegov.governance.config;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.sql.DataSource;

/**
 * The embedded server's login for the application: created when missing, given a new random password at every
 * start (nothing to configure or keep; the server listens on this machine only), and never more than a login.
 * What it may do in the tables is granted after the migrations ({@link ApplicationRoleGrants}).
 */
final class EmbeddedApplicationRole {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedApplicationRole() {
    }

    /** Creates or resets the role {@code name} (a plain identifier) as the superuser of {@code server}; returns its password. */
    static String ensure(DataSource server, String name) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        String attributes = "login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit password '" + password + "'";
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$
                    begin
                        if not exists (select 1 from pg_roles where rolname = '%1$s') then
                            create role %1$s;
                        end if;
                    end;
                    $$""".formatted(name));
            statement.execute("alter role " + name + " with " + attributes);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's role " + name + " in the embedded PostgreSQL", e);
        }
        return password;
    }
}
