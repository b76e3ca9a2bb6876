package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database configured the application runs on an embedded, real PostgreSQL whose data directory
 * is kept: what was started before a restart is still there after it.
 */
class EmbeddedPostgresIT {

    @TempDir
    Path dataDirectory;

    @Test
    void withoutAConfiguredDatabaseDataLivesInTheKeptDataDirectory() {
        String id;
        try (RunningApp first = RunningApp.startEmbedded(dataDirectory)) {
            given(first.api()).get("/actuator/health").then().statusCode(200);
            assertThat(first.jdbc().queryForObject("select version()", String.class)).startsWith("PostgreSQL");
            id = new ApprovalClient(first).request(ApprovalRequest.of("ROTATE_STREAM_KEY"));
        }
        assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();

        try (RunningApp second = RunningApp.startEmbedded(dataDirectory)) {
            ApprovalClient approvals = new ApprovalClient(second);
            assertThat(approvals.isActive(id)).isTrue();
            assertThat(approvals.taskFor(id, "ops-manager")).isPresent();
        }
    }
}
