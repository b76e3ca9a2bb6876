package com.livegov.governance.start;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start pages, used as a browser does (form login, session cookie, the form's CSRF token):
 * <ul>
 * <li>the list shows each user only what their groups may start;</li>
 * <li>each form starts its process for real, with the login as the requester whatever the form sends;</li>
 * <li>a user of another group gets 403 and nothing starts; a post without the CSRF token is refused;</li>
 * <li>input the page or the process refuses comes back with the errors next to the fields, what was typed kept
 * (escaped), and nothing starts;</li>
 * <li>a quarter reviewed already answers 409 and names the review.</li>
 * </ul>
 * The company's zone here is Shanghai, so a departure typed as local time is read at +08:00.
 */
class StartPagesIT {

    private static final ZoneId COMPANY_ZONE = ZoneId.of("Asia/Shanghai");

    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase(), "governance.workbench.time-zone=" + COMPANY_ZONE.getId());
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    // --- the story steps -----------------------------------------------------------------------------

    /** A new active streamer with one sub-account; answers the streamer id (the account is "<id>-main"). */
    private static String streamer() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-main");
        return streamer;
    }

    private static Set<String> instancesOf(String processId) {
        return new HashSet<>(app.jdbc().queryForList("select id from public.process_instances where process_id = ?", String.class, processId));
    }

    /** The one instance of the process that is new since {@code before}. */
    private static String newInstance(String processId, Set<String> before) {
        Set<String> now = instancesOf(processId);
        now.removeAll(before);
        assertThat(now).as("exactly one new " + processId).hasSize(1);
        return now.iterator().next();
    }

    private static JsonPath variables(String processId, String instanceId) {
        return given(app.api()).get("/" + processId + "/" + instanceId).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> suspension(String account, String reason) {
        Map<String, String> form = new HashMap<>();
        form.put("action", "SUSPEND_LIVE");
        form.put("severity", "MODERATE");
        form.put("subject", account);
        form.put("suspensionDays", "2");
        form.put("reason", reason);
        return form;
    }

    private static Map<String, String> offboarding(String streamer, String departure) {
        return new HashMap<>(Map.of("streamerId", streamer, "departureTime", departure, "departureReason", "RESIGNATION",
                "requestedNonCompeteMonths", "18", "averageMonthlyIncome", "20000", "annualRevenue", "500000",
                "ipInvestment", "COMPANY_FUNDED"));
    }

    private static long count(String sql, Object... args) {
        return app.jdbc().queryForObject(sql, Long.class, args);
    }

    // --- the list --------------------------------------------------------------------------------------

    @Test
    void theListShowsEachUserOnlyWhatTheirGroupsMayStart() {
        String ops = FormSession.login(app, "otto", "ops").get("/start").asString();
        assertThat(ops).contains("/start/account-action", "/start/violation").doesNotContain("/start/offboarding", "/start/permission-review");

        String hr = FormSession.login(app, "hanna", "hr").get("/start").asString();
        assertThat(hr).contains("/start/offboarding").doesNotContain("/start/account-action", "/start/violation", "/start/permission-review");

        Response legal = FormSession.login(app, "lena", "legal").get("/start");
        assertThat(legal.statusCode()).isEqualTo(200);
        assertThat(legal.asString()).contains("Your groups do not start any process here").doesNotContain("/start/account-action");
    }

    // --- each form starts its process ---------------------------------------------------------------

    @Test
    void anOpsUserRequestsASuspensionAndIsTheRequesterWhateverTheFormSays() {
        String account = streamer() + "-main";
        FormSession olga = FormSession.login(app, "olga", "ops");
        Set<String> before = instancesOf("accountActionApproval");

        Map<String, String> form = suspension(account, "diverted viewers to a personal account twice");
        form.put("requestedBy", "mallory");
        Response posted = olga.submit("/start/account-action", form);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/start/done");
        String id = newInstance("accountActionApproval", before);
        JsonPath started = variables("accountActionApproval", id);
        assertThat(started.getString("requestedBy")).isEqualTo("olga");
        assertThat(started.getString("action")).isEqualTo("SUSPEND_LIVE");
        assertThat(started.getString("subject")).isEqualTo(account);
        assertThat(started.getString("accountKind")).isEqualTo("SUB_ACCOUNT");
        assertThat(started.getInt("parameters.suspensionDays")).isEqualTo(2);
        assertThat(count("select count(*) from governance.audit_trail where action = 'PROCESS_STARTED' and process_instance_id = ? and actor = 'olga'", id))
                .as("the start is in the audit trail, by olga").isEqualTo(1);

        String confirmation = olga.get("/start/done").asString();
        assertThat(confirmation).contains("Your request was sent for approval.", id);
    }

    @Test
    void monitoringReportsAViolationAndIsTheReporter() {
        String streamer = streamer();
        FormSession mona = FormSession.login(app, "mona", "monitoring");
        Set<String> before = instancesOf("violationEscalation");

        Map<String, String> form = new HashMap<>(Map.of("streamerId", streamer, "violationKind", "HINTING_DEPARTURE", "source", "CONTENT_REVIEW",
                "sourceReference", "REC-2026-118", "evidence", "said twice on air that she is leaving for another agency",
                "fanLossRate", "2.5", "interactionDrop", "-1", "priorViolations", "0", "diversionCount", "0", "estimatedLoss", "0"));
        form.put("reportedBy", "mallory");
        assertThat(mona.submit("/start/violation", form).statusCode()).isEqualTo(302);

        String id = newInstance("violationEscalation", before);
        Map<String, Object> violation = app.jdbc().queryForMap(
                "select streamer_id, violation_kind, reported_by, source, evidence::text as evidence from governance.violations where violation_id = ?", id);
        assertThat(violation).containsEntry("streamer_id", streamer).containsEntry("violation_kind", "HINTING_DEPARTURE")
                .containsEntry("reported_by", "mona").containsEntry("source", "CONTENT_REVIEW");
        assertThat((String) violation.get("evidence")).contains("leaving for another agency");
    }

    @Test
    void hrStartsAnOffboardingWithTheDepartureReadInTheCompanyZone() {
        String streamer = streamer();
        LocalDateTime departedLocally = LocalDateTime.now(COMPANY_ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        Instant departed = departedLocally.atZone(COMPANY_ZONE).toInstant();
        FormSession hanna = FormSession.login(app, "hanna", "hr");
        Set<String> before = instancesOf("streamerOffboarding");

        Map<String, String> form = offboarding(streamer, departedLocally.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        form.put("initiatedBy", "mallory");
        assertThat(hanna.submit("/start/offboarding", form).statusCode()).isEqualTo(302);

        String id = newInstance("streamerOffboarding", before);
        assertThat(variables("streamerOffboarding", id).getString("initiatedBy")).isEqualTo("hanna");
        assertThat(app.jdbc().queryForObject("select departure_time from governance.offboardings where process_instance_id = ?",
                java.sql.Timestamp.class, id).toInstant()).isEqualTo(departed);
        assertThat(count("select count(*) from governance.accounts where authorized_streamer = ? and status = 'ACTIVE'", streamer))
                .as("the start closed the streamer's account").isZero();
    }

    @Test
    void anOpsManagerRunsAPermissionReviewOncePerQuarter() {
        String quarter = LocalDate.now(COMPANY_ZONE).getYear() + "-Q" + ((LocalDate.now(COMPANY_ZONE).getMonthValue() - 1) / 3 + 1);
        FormSession nora = FormSession.login(app, "nora", "ops-manager");

        assertThat(nora.submit("/start/permission-review", Map.of("quarter", quarter, "startedBy", "mallory")).statusCode()).isEqualTo(302);
        List<Map<String, Object>> reviews = app.jdbc().queryForList("select process_instance_id, started_by from governance.permission_reviews where quarter = ?", quarter);
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0)).containsEntry("started_by", "nora");

        Response again = nora.submit("/start/permission-review", Map.of("quarter", quarter));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.asString()).contains("id=\"quarter-error\"", "This quarter is reviewed already", (String) reviews.get(0).get("process_instance_id"));
        assertThat(count("select count(*) from governance.permission_reviews where quarter = ?", quarter)).isEqualTo(1);
    }

    // --- who may, and forged requests ------------------------------------------------------------------

    @Test
    void aUserOfAnotherGroupIsRefusedAndNothingStarts() {
        String streamer = streamer();
        FormSession otto = FormSession.login(app, "otto", "ops");
        assertThat(otto.get("/start/offboarding").statusCode()).isEqualTo(403);
        assertThat(otto.get("/start/permission-review").statusCode()).isEqualTo(403);
        Set<String> before = instancesOf("streamerOffboarding");

        Map<String, String> form = offboarding(streamer, "2026-11-24T14:00");
        form.put("_csrf", FormSession.csrfOf(otto.get("/start/account-action").asString()));
        assertThat(otto.post("/start/offboarding", form).statusCode()).isEqualTo(403);

        assertThat(instancesOf("streamerOffboarding")).isEqualTo(before);
        assertThat(count("select count(*) from governance.offboardings where streamer_id = ?", streamer)).isZero();
        assertThat(count("select count(*) from governance.accounts where authorized_streamer = ? and status = 'ACTIVE'", streamer)).isEqualTo(1);
        assertThat(count("select count(*) from governance.audit_trail where action = 'REQUEST_REFUSED' and actor = 'otto' and reason like '%streamerOffboarding%'"))
                .as("the refusal is recorded").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndNothingStarts() {
        String account = streamer() + "-main";
        FormSession olga = FormSession.login(app, "olga", "ops");
        olga.get("/start/account-action");
        Set<String> before = instancesOf("accountActionApproval");

        assertThat(olga.post("/start/account-action", suspension(account, "no token")).statusCode()).isEqualTo(403);

        assertThat(instancesOf("accountActionApproval")).isEqualTo(before);
    }

    // --- refused input ---------------------------------------------------------------------------------

    @Test
    void missingAndMalformedFieldsComeBackNextToTheFieldsAndNothingStarts() {
        String account = streamer() + "-main";
        FormSession olga = FormSession.login(app, "olga", "ops");
        Set<String> before = instancesOf("accountActionApproval");

        Map<String, String> form = suspension(account, "   ");
        form.put("suspensionDays", "two");
        Response refused = olga.submit("/start/account-action", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"form-errors\"", "id=\"reason-error\"", "id=\"suspensionDays-error\"",
                "A whole number, without decimals.", "value=\"two\"");
        assertThat(refused.asString()).as("the fields typed right stay chosen")
                .contains("value=\"SUSPEND_LIVE\" selected", "value=\"" + account + "\" selected");
        assertThat(instancesOf("accountActionApproval")).isEqualTo(before);
    }

    @Test
    void aRequestTheProcessRefusesComesBackWithItsReasonAndNothingStarts() {
        String account = streamer() + "-main";
        FormSession olga = FormSession.login(app, "olga", "ops");
        Set<String> before = instancesOf("accountActionApproval");
        long refusalsBefore = count("select count(*) from governance.audit_trail where action = 'REQUEST_REFUSED' and actor = 'olga'");

        Map<String, String> restore = new HashMap<>(Map.of("action", "RESTORE_LIVE", "severity", "NONE", "subject", account,
                "reason", "lift the pause"));
        Response refused = olga.submit("/start/account-action", restore);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"action-error\"", "This action is not possible on this account in its current state.",
                "the process&#39;s check refused", "which is ACTIVE");
        assertThat(instancesOf("accountActionApproval")).isEqualTo(before);
        assertThat(count("select count(*) from governance.audit_trail where action = 'REQUEST_REFUSED' and actor = 'olga'"))
                .as("the refusal is recorded like the API's").isEqualTo(refusalsBefore + 1);
    }

    @Test
    void whatTheUserTypedIsShownBackEscaped() {
        FormSession olga = FormSession.login(app, "olga", "ops");
        Map<String, String> form = suspension("", "<script>alert('owned')</script>");

        Response refused = olga.submit("/start/account-action", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
    }
}
