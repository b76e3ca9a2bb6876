package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's own login reads and writes rows but cannot change the tables, on the real application and
 * a real PostgreSQL: as that login (the application's own connections) switching the audit trail's triggers
 * off, altering, dropping or truncating a table, changing or removing an audit entry, the process history or the
 * migration history, creating a table or leaving the trigger-free replication mode are all refused by
 * PostgreSQL; meanwhile a whole two-level approval runs and leaves an intact audit trail. The owner created
 * every table.
 */
class ApplicationRoleIT {

    private static final String LONG = "PT1H";

    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void theApplicationLogsInAsItsOwnRoleAndTheOwnerOwnsEveryTable() {
        JdbcTemplate sql = app.jdbc();
        assertThat(sql.queryForObject("select current_user", String.class)).isEqualTo(TestDatabase.APPLICATION_ROLE);
        assertThat(sql.queryForObject("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user",
                Boolean.class)).isFalse();
        List<String> notOwned = sql.queryForList("""
                select schemaname || '.' || tablename from pg_tables
                where schemaname in ('governance', 'public') and tableowner <> ?""", String.class, TestDatabase.OWNER);
        assertThat(notOwned).isEmpty();
        assertThat(sql.queryForObject("select count(*) from pg_tables where schemaname = 'public' and tablename = 'process_instances'", Long.class))
                .as("Kogito's tables, created by the owner").isOne();
    }

    @Test
    void theApplicationsLoginCannotSwitchOffAlterDropOrEmptyTheAuditTrail() {
        approveOneRequest();
        long entries = entries();
        JdbcTemplate sql = app.jdbc();

        refused(sql, "alter table governance.audit_trail disable trigger all", "must be owner of");
        refused(sql, "alter table governance.audit_trail disable trigger audit_trail_append_only", "must be owner of");
        refused(sql, "alter table governance.audit_trail add column note text", "must be owner of");
        refused(sql, "drop trigger audit_trail_append_only on governance.audit_trail", "must be owner of");
        refused(sql, "drop table governance.audit_trail", "must be owner of");
        refused(sql, "truncate governance.audit_trail", "permission denied for table audit_trail");
        refused(sql, "update governance.audit_trail set reason = 'nothing happened' where sequence = 1", "governance.audit_trail is append-only");
        refused(sql, "delete from governance.audit_trail where sequence = 1", "permission denied for table audit_trail");
        refused(sql, "delete from governance.audit_chain_head", "permission denied for table audit_chain_head");
        refused(sql, "delete from governance.decision_evaluations", "permission denied for table decision_evaluations");
        refused(sql, "update governance.process_events set actor = 'nobody'", "permission denied for table process_events");
        refused(sql, "delete from governance.flyway_schema_history", "permission denied for table flyway_schema_history");
        refused(sql, "set session_replication_role = replica", "permission denied to set parameter \"session_replication_role\"");
        refused(sql, "create table governance.shadow (id int)", "permission denied for schema governance");
        refused(sql, "create or replace function governance.audit_trail_refuse_change() returns trigger language plpgsql as $$ begin return new; end; $$",
                "permission denied for schema governance");
        refused(sql, "truncate public.process_instances", "permission denied for table process_instances");
        refused(sql, "drop table public.jbpm_user_tasks", "must be owner of");

        assertThat(entries()).isEqualTo(entries);
        assertThat(sql.queryForList("select tgname from pg_trigger where tgrelid = 'governance.audit_trail'::regclass and not tgisinternal and tgenabled = 'O'",
                String.class)).as("the audit trail's triggers, all still enabled").contains("audit_trail_append_only")
                .hasSize(sql.queryForObject("select count(*) from pg_trigger where tgrelid = 'governance.audit_trail'::regclass and not tgisinternal", Integer.class));
        assertIntact();
    }

    @Test
    void aWholeApprovalRunsOnTheApplicationsLogin() {
        long before = entries();
        String id = approveOneRequest();

        assertThat(app.jdbc().queryForObject("select count(*) from governance.process_events where process_instance_id = ?", Long.class, id))
                .isPositive();
        assertThat(entries()).isGreaterThan(before);
        assertIntact();
    }

    private static String approveOneRequest() {
        ApprovalClient approvals = new ApprovalClient(app);
        String id = approvals.request(ApprovalRequest.of("ROTATE_STREAM_KEY").withDeadlines(LONG, LONG));
        approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(true, "agree"));
        approvals.decide(approvals.awaitTaskFor(id, "director"), "dora", "director", new Decision(true, "agree"));
        assertThat(approvals.awaitEnded(id)).endsWith("End_Approved");
        return id;
    }

    private static void refused(JdbcTemplate sql, String statement, String reason) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement).rootCause().hasMessageContaining(reason);
    }

    private static long entries() {
        return new JdbcTemplate(app.owner()).queryForObject("select count(*) from governance.audit_trail", Long.class);
    }

    private static void assertIntact() {
        JsonPath report = given(app.api()).get("/audit/verification").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).as(report.prettify()).isTrue();
    }
}
