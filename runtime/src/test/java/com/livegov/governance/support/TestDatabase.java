package com.livegov.governance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test JVM (embedded, thrown away at exit); every test that starts
 * the application gets a database of its own. As in the embedded default, the superuser {@value #OWNER} owns the
 * tables and runs the migrations, and the application logs in as the restricted role {@value #APPLICATION_ROLE}.
 */
public final class TestDatabase {

    /** The owner of every table: runs the migrations, and the tests' tampering. */
    public static final String OWNER = "postgres";
    public static final String OWNER_PASSWORD = "postgres";
    /** The application's login: reads and writes rows, cannot alter, drop, truncate or switch triggers off. */
    public static final String APPLICATION_ROLE = "governance_app";
    public static final String APPLICATION_PASSWORD = "governance-app-test";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** Creates an empty database and returns its JDBC URL (naming no user: each data source names its login). */
    public static synchronized String newDatabase() {
        String name = "governance_test_" + COUNTER.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name + "?stringtype=unspecified";
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
            }
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create role " + APPLICATION_ROLE + " login password '" + APPLICATION_PASSWORD + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the application's role", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return server;
    }
}
