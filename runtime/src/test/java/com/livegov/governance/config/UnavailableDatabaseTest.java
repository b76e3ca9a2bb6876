package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (a 503 to retry) and which do not (a 4xx or a 500). */
class UnavailableDatabaseTest {

    @Test
    void lostOrUnobtainableConnectionsHoweverWrappedAreUnreachableDatabases() {
        assertThat(UnavailableDatabase.explains(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(UnavailableDatabase.explains(new CannotCreateTransactionException("no transaction"))).isTrue();
        assertThat(UnavailableDatabase.explains(new RuntimeException("Error inserting process instance",
                new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(UnavailableDatabase.explains(new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(UnavailableDatabase.explains(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))).isTrue();
        assertThat(UnavailableDatabase.explains(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(UnavailableDatabase.explains(new DataIntegrityViolationException("duplicate key",
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(UnavailableDatabase.explains(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(UnavailableDatabase.explains(new SQLException("Connection is closed", "0A000"))).isFalse();
        assertThat(UnavailableDatabase.explains(new IllegalStateException("a bug"))).isFalse();
        assertThat(UnavailableDatabase.explains(null)).isFalse();
    }
}
