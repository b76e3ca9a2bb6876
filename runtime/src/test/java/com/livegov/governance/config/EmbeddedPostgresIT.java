package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database configured the application runs on an embedded, real PostgreSQL whose data directory
 * is kept: what was started before a restart is still there after it. The application logs in as its own
 * restricted role, also on a data directory made by a version that had no such role (the role is created at
 * start).
 */
class EmbeddedPostgresIT {

    private static final String APPLICATION_ROLE = EmbeddedPostgresEnvironment.APPLICATION_ROLE;

    @TempDir
    Path dataDirectory;

    @Test
    void withoutAConfiguredDatabaseDataLivesInTheKeptDataDirectory() throws Exception {
        String id;
        try (RunningApp first = RunningApp.startEmbedded(dataDirectory)) {
            given(first.api()).get("/actuator/health").then().statusCode(200);
            assertThat(first.jdbc().queryForObject("select version()", String.class)).startsWith("PostgreSQL");
            assertThat(first.jdbc().queryForObject("select current_user", String.class)).isEqualTo(APPLICATION_ROLE);
            id = new ApprovalClient(first).request(ApprovalRequest.of("ROTATE_STREAM_KEY"));
        }
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();
        withoutTheApplicationRole();

        try (RunningApp second = RunningApp.startEmbedded(dataDirectory)) {
            assertThat(second.jdbc().queryForObject("select current_user", String.class)).isEqualTo(APPLICATION_ROLE);
            assertThatThrownBy(() -> second.jdbc().execute("alter table governance.audit_trail disable trigger all"))
                    .rootCause().hasMessageContaining("must be owner of");
            ApprovalClient approvals = new ApprovalClient(second);
            assertThat(approvals.isActive(id)).isTrue();
            assertThat(approvals.taskFor(id, "ops-manager")).isPresent();
        }
    }

    /** Makes the data directory look like one of a version before the application had a role of its own. */
    private void withoutTheApplicationRole() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
                Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("drop owned by " + APPLICATION_ROLE);
            statement.execute("drop role " + APPLICATION_ROLE);
        }
    }
}
