package com.livegov.governance.processes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.HashMap;
import java.util.Map;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.PageSession;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;

/**
 * The process pages for admins and directors, over HTTP with a login session. A real failed instance: an
 * account-action approval started through Kogito's Java API (not our start endpoint, which refuses such a request)
 * for an account that does not exist stops in error on {@code Task_VerifyRequest}. Retrying it before the account
 * exists fails again; once the account is opened, the retry lets it run on to the first approval level.
 */
class ProcessPagesIT {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdminSeesAFailedInstanceWithItsErrorInWordsAndRetriesItOnceTheCauseIsGone() {
        String instance = failedApprovalFor("acc-not-yet-opened");
        String page = "/processes/accountActionApproval/" + instance;
        PageSession admin = PageSession.loggedIn(app, "ada", "admin");

        String list = admin.get("/processes").then().statusCode(200).extract().asString();
        assertThat(list).contains("id=\"failed\"", "Check the account and the parameters", "acc-not-yet-opened", page);
        assertThat(list).as("no stack trace, no exception class").doesNotContain("Exception", "\tat ", "java.");

        String shown = admin.get(page).then().statusCode(200).extract().asString();
        assertThat(shown).contains("id=\"instance-error\"", "Retry the failed step", "data-current=\"Task_VerifyRequest\"")
                .containsPattern("data-passed=\"[^\"]*StartEvent_Request")
                .contains("data-diagram-url=\"/diagrams/accountActionApproval.bpmn\"");

        admin.postForm(page, page + "/retry").then().statusCode(302).header("Location", containsString(page));
        assertThat(admin.get(page).then().statusCode(200).extract().asString()).contains("The step failed again");
        assertThat(state(instance)).isEqualTo(ProcessInstance.STATE_ERROR);

        TestStreamers.streamerWithSubAccounts(app, "noa", "acc-not-yet-opened");
        admin.postForm(page, page + "/retry").then().statusCode(302);
        assertThat(admin.get(page).then().statusCode(200).extract().asString()).contains("The step ran again")
                .doesNotContain("id=\"instance-error\"").contains("Approve (first level)");
        assertThat(state(instance)).isEqualTo(ProcessInstance.STATE_ACTIVE);
        assertThat(app.jdbc().queryForList("""
                select details->>'stateAfter' from governance.audit_trail
                where action = 'PROCESS_RETRIED' and actor = 'ada' and target_id = ? order by sequence""", String.class, instance))
                .as("each retry is in the audit trail with its outcome").containsExactly("ERROR", "ACTIVE");
    }

    @Test
    void onlyAdminsRetryAndOnlyWithTheSessionsCsrfToken() {
        String instance = failedApprovalFor("acc-missing-" + System.nanoTime());
        String page = "/processes/accountActionApproval/" + instance;

        PageSession director = PageSession.loggedIn(app, "dora", "director");
        assertThat(director.get(page).then().statusCode(200).extract().asString())
                .as("a director sees the error but no retry").contains("id=\"instance-error\"").doesNotContain("Retry the failed step");
        director.postForm(page, page + "/retry").then().statusCode(403);
        PageSession.loggedIn(app, "ada", "admin").postFormWithoutToken(page + "/retry").then().statusCode(403);

        assertThat(state(instance)).as("nothing was retried").isEqualTo(ProcessInstance.STATE_ERROR);
        assertThat(app.jdbc().queryForObject("select count(*) from governance.audit_trail where action = 'PROCESS_RETRIED' and target_id = ?",
                Integer.class, instance)).isZero();
    }

    @Test
    void onlyAdminsAndDirectorsSeeTheProcessPages() {
        String instance = failedApprovalFor("acc-missing-" + System.nanoTime());
        String page = "/processes/accountActionApproval/" + instance;

        for (String group : new String[] {"ops", "ops-manager", "hr", "legal", "streamer", "monitoring"}) {
            PageSession other = PageSession.loggedIn(app, "someone-" + group, group);
            other.get("/processes").then().statusCode(403);
            other.get(page).then().statusCode(403);
        }
        given().port(app.port()).accept(ContentType.HTML).redirects().follow(false).get("/processes")
                .then().statusCode(302).header("Location", containsString("/login"));
        PageSession.loggedIn(app, "dora", "director").get("/processes?process=accountActionApproval").then().statusCode(200);
    }

    @Test
    void unknownProcessesAndInstancesAreNotFoundAndABadFilterIsRefused() {
        PageSession admin = PageSession.loggedIn(app, "ada", "admin");

        admin.get("/processes/noSuchProcess/123").then().statusCode(404);
        admin.get("/processes/accountActionApproval/no-such-instance").then().statusCode(404);
        admin.get("/processes?process=noSuchProcess").then().statusCode(400);
        admin.postForm("/processes", "/processes/accountActionApproval/no-such-instance/retry").then().statusCode(404);
    }

    @Test
    void kogitosOwnManagementEndpointsAreClosedEvenToAdmins() {
        String instance = failedApprovalFor("acc-missing-" + System.nanoTime());
        String base = "/management/processes/accountActionApproval/instances/" + instance;

        given(app.as("ada", "admin")).get(base + "/error").then().statusCode(403);
        given(app.as("ada", "admin")).post(base + "/retrigger").then().statusCode(403);
        given(app.as("ada", "admin")).get("/management/processes").then().statusCode(403);
        given(app.anonymousApi()).post(base + "/retrigger").then().statusCode(401);
        assertThat(state(instance)).isEqualTo(ProcessInstance.STATE_ERROR);
    }

    /** Starts an approval for the account through Kogito's Java API; with no such account its first step fails. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static String failedApprovalFor(String accountId) {
        Process process = app.bean(Processes.class).processById(AccountActionApproval.PROCESS_ID);
        Map<String, Object> request = new HashMap<>();
        request.put("action", "SUSPEND_LIVE");
        request.put("severity", "MODERATE");
        request.put("accountKind", "SUB_ACCOUNT");
        request.put("subject", accountId);
        request.put("parameters", Map.of("suspensionDays", 2));
        request.put("reason", "kept streaming after a warning");
        request.put("requestedBy", "olga");
        String id = UnitOfWorkExecutor.executeInUnitOfWork(app.bean(UnitOfWorkManager.class), () -> {
            Model model = (Model) process.createModel();
            model.update(request);
            ProcessInstance<?> instance = process.createInstance(model);
            instance.start();
            return instance.id();
        });
        assertThat(state(id)).as("the instance stopped in error").isEqualTo(ProcessInstance.STATE_ERROR);
        return id;
    }

    private static int state(String instanceId) {
        return app.bean(Processes.class).processById(AccountActionApproval.PROCESS_ID).instances().findById(instanceId)
                .map(ProcessInstance::status).orElse(-1);
    }
}
