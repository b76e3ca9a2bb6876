package com.livegov.governance.processes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.HashMap;
import java.util.Map;

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
import org.kie.kogito.process.impl.AbstractProcess;
import org.kie.kogito.services.uow.UnitOfWorkExecutor;
import org.kie.kogito.uow.UnitOfWorkManager;

/**
 * The process pages for admins and directors, over HTTP with a login session.
 *
 * <p>A real failed instance: Kogito keeps a process instance in error only where the process runs without
 * transactions (its {@code jbpm.transactions.enable} metadata; with transactions, the default here, a failing step
 * rolls the whole unit of work back and the instance stays where it last waited). So the test switches transactions
 * off for {@code violationEscalation} while it starts, through Kogito's Java API, a violation report about a streamer
 * who does not exist: {@code Task_OpenCase} refuses it ("No streamer ...") and the instance stops in error there.
 * Retrying it (with transactions on again) before the streamer exists fails again and changes nothing; once the
 * streamer is registered, the retry lets it run on to the interview.
 */
class ProcessPagesIT {

    private static final String PROCESS = "violationEscalation";
    /** Kogito's process setting: whether a failing step rolls back (true) or leaves the instance in error (false). */
    private static final String TRANSACTIONS = "jbpm.transactions.enable";

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
        String instance = failedReportAbout("ghost");
        String page = "/processes/violationEscalation/" + instance;
        PageSession admin = PageSession.loggedIn(app, "ada", "admin");

        String list = admin.get("/processes").then().statusCode(200).extract().asString();
        assertThat(list).contains("id=\"failed\"", "Open the violation case", "No streamer ghost", page);
        assertThat(list).as("no stack trace, no exception class").doesNotContain("Exception", "\tat ", "java.");

        String shown = admin.get(page).then().statusCode(200).extract().asString();
        assertThat(shown).contains("id=\"instance-error\"", "No streamer ghost", "Retry the failed step", "data-current=\"Task_OpenCase\"")
                .containsPattern("data-passed=\"[^\"]*StartEvent_Report")
                .contains("data-diagram-url=\"/diagrams/violationEscalation.bpmn\"");

        admin.postForm(page, page + "/retry").then().statusCode(302).header("Location", containsString(page));
        assertThat(admin.get(page).then().statusCode(200).extract().asString()).contains("The step failed again");
        assertThat(state(instance)).isEqualTo(ProcessInstance.STATE_ERROR);

        TestStreamers.streamerWithSubAccounts(app, "ghost", "ghost-live");
        admin.postForm(page, page + "/retry").then().statusCode(302);
        assertThat(admin.get(page).then().statusCode(200).extract().asString()).contains("The step ran again")
                .doesNotContain("id=\"instance-error\"").contains("Interview and warning");
        assertThat(state(instance)).isEqualTo(ProcessInstance.STATE_ACTIVE);
        assertThat(app.jdbc().queryForList("""
                select details->>'stateAfter' from governance.audit_trail
                where action = 'PROCESS_RETRIED' and actor = 'ada' and target_id = ? order by sequence""", String.class, instance))
                .as("each retry is in the audit trail with its outcome").containsExactly("ERROR", "ACTIVE");
    }

    @Test
    void onlyAdminsRetryAndOnlyWithTheSessionsCsrfToken() {
        String instance = failedReportAbout("nobody-" + System.nanoTime());
        String page = "/processes/violationEscalation/" + instance;

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
        String instance = failedReportAbout("nobody-" + System.nanoTime());
        String page = "/processes/violationEscalation/" + instance;

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
        admin.get("/processes/violationEscalation/no-such-instance").then().statusCode(404);
        admin.get("/processes?process=noSuchProcess").then().statusCode(400);
        admin.postForm("/processes", "/processes/accountActionApproval/no-such-instance/retry").then().statusCode(404);
    }

    @Test
    void kogitosOwnManagementEndpointsAreClosedEvenToAdmins() {
        String instance = failedReportAbout("nobody-" + System.nanoTime());
        String base = "/management/processes/violationEscalation/instances/" + instance;

        given(app.as("ada", "admin")).get(base + "/error").then().statusCode(403);
        given(app.as("ada", "admin")).post(base + "/retrigger").then().statusCode(403);
        given(app.as("ada", "admin")).get("/management/processes").then().statusCode(403);
        given(app.anonymousApi()).post(base + "/retrigger").then().statusCode(401);
        assertThat(state(instance)).isEqualTo(ProcessInstance.STATE_ERROR);
    }

    /**
     * Reports a violation of a streamer that does not exist, through Kogito's Java API, with the process's transactions
     * switched off while it starts: its first step refuses the report and the instance stops in error.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static String failedReportAbout(String streamerId) {
        Process process = app.bean(Processes.class).processById(PROCESS);
        Map<String, Object> report = new HashMap<>();
        report.put("streamerId", streamerId);
        report.put("violationKind", "CONTENT_QUALITY_DROP");
        report.put("source", "OPERATIONS");
        report.put("reportedBy", "otto");
        report.put("evidence", Map.of("recording", "live-2026-11-20-2100.mp4"));
        report.put("fanLossRate", 0.0);
        report.put("interactionDrop", 0.0);
        report.put("priorViolations", 0);
        report.put("diversionCount", 0);
        report.put("estimatedLoss", 0.0);
        Map<String, Object> settings = ((AbstractProcess<?>) process).get().getMetaData();
        Object transactions = settings.put(TRANSACTIONS, "false");
        try {
            String id = UnitOfWorkExecutor.executeInUnitOfWork(app.bean(UnitOfWorkManager.class), () -> {
                Model model = (Model) process.createModel();
                model.update(report);
                ProcessInstance<?> instance = process.createInstance(model);
                instance.start();
                return instance.id();
            });
            assertThat(state(id)).as("the instance stopped in error").isEqualTo(ProcessInstance.STATE_ERROR);
            return id;
        } finally {
            if (transactions == null) {
                settings.remove(TRANSACTIONS);
            } else {
                settings.put(TRANSACTIONS, transactions);
            }
        }
    }

    private static int state(String instanceId) {
        return app.bean(Processes.class).processById(PROCESS).instances().findById(instanceId)
                .map(ProcessInstance::status).orElse(-1);
    }
}
