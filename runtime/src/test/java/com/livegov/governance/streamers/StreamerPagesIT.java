package com.livegov.governance.streamers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.PageSession;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streamer pages over HTTP, as a browser with a login session sees them. Streamer "lin" has two sub-accounts;
 * an ops user paused one at once with a reason that carries a script; a content-quality violation was reported;
 * HR recorded her departure three hours ago, so her 24-hour clock has about 21 hours left. Streamer "kai" is
 * another streamer, named as her backup.
 */
class StreamerPagesIT {

    private static final String SCRIPT_REASON = "viewers sent away <script>alert('x')</script>";

    private static RunningApp app;

    @BeforeAll
    static void lin() {
        app = RunningApp.start(TestDatabase.newDatabase());
        TestStreamers.streamerWithSubAccounts(app, "lin", "lin-live", "lin-shop");
        TestStreamers.streamerWithSubAccounts(app, "kai", "kai-live");
        app.bean(StreamerRegistry.class).assignBackup("lin", "kai", 1, "mia");
        new ApprovalClient(app).request(new ApprovalRequest("EMERGENCY_PAUSE", "SEVERE", "SUB_ACCOUNT", "lin-shop", SCRIPT_REASON,
                "olga", Map.of(), null));
        given(app.api()).body(violation("lin")).when().post("/violationEscalation").then().statusCode(201);
        given(app.api()).body(departure("lin", Instant.now().minus(Duration.ofHours(3)))).when().post("/streamerOffboarding")
                .then().statusCode(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void staffSeeTheStreamersAccountsActionsViolationAndClock() {
        String page = PageSession.loggedIn(app, "otto", "ops").get("/streamers/lin").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains("@lin-live", "@lin-shop");
        assertThat(page).as("the emergency pause, by the approval process").contains("Emergency pause", "the process &quot;Account action approval&quot;");
        assertThat(page).as("the violation").contains("Content quality dropping");
        assertThat(page).as("the offboarding clock: departure 3 h ago, so 20 full hours left")
                .contains("id=\"offboarding-clock\"").containsPattern("2[01] h left");
        assertThat(page).as("open processes: the violation case and the offboarding").contains("Violation escalation", "Streamer offboarding");
        assertThat(page).as("ops may not download the evidence pack").doesNotContain("/audit/evidence/lin");
        assertThat(page).as("the backup, with a link for staff").contains("href=\"/streamers/kai\"");
    }

    @Test
    void aReasonTypedByAUserIsShownEscapedNeverAsMarkup() {
        String page = PageSession.loggedIn(app, "otto", "ops").get("/streamers/lin").then().statusCode(200).extract().asString();

        assertThat(page).contains("viewers sent away &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page).doesNotContain("<script>alert");
    }

    @Test
    void legalGetsTheEvidencePackLinksAndDirectorsTheProcessLinks() {
        assertThat(PageSession.loggedIn(app, "lena", "legal").get("/streamers/lin").then().statusCode(200).extract().asString())
                .contains("href=\"/audit/evidence/lin\"", "href=\"/audit/evidence/lin.csv\"").doesNotContain("href=\"/processes/");
        assertThat(PageSession.loggedIn(app, "dora", "director").get("/streamers/lin").then().statusCode(200).extract().asString())
                .contains("href=\"/processes/violationEscalation/", "href=\"/processes/streamerOffboarding/");
    }

    @Test
    void aStreamerSeesOnlyTheirOwnPage() {
        PageSession lin = PageSession.loggedIn(app, "lin", "streamer");

        lin.get("/streamers").then().statusCode(302).header("Location", endsWith("/streamers/lin"));
        assertThat(lin.get("/streamers/lin").then().statusCode(200).extract().asString()).contains("@lin-live")
                .as("her backup by name, without a link to a page she may not see").contains("Host kai").doesNotContain("href=\"/streamers/kai\"");
        lin.get("/streamers/kai").then().statusCode(404);
        lin.get("/streamers/nobody").then().statusCode(404);
    }

    @Test
    void nobodyElseSeesAStreamerPage() {
        given().port(app.port()).accept(ContentType.HTML).redirects().follow(false).get("/streamers/lin")
                .then().statusCode(302).header("Location", containsString("/login"));
        given().port(app.port()).accept(ContentType.HTML).redirects().follow(false).get("/streamers")
                .then().statusCode(302).header("Location", containsString("/login"));
        PageSession.loggedIn(app, "probe", "monitoring").get("/streamers/lin").then().statusCode(403);
        PageSession.loggedIn(app, "probe", "monitoring").get("/streamers").then().statusCode(403);
        PageSession.loggedIn(app, "otto", "ops").get("/streamers/nobody").then().statusCode(404);
    }

    @Test
    void theListFindsStreamersByNameIdHandleTierAndManager() {
        PageSession ops = PageSession.loggedIn(app, "otto", "ops");

        assertThat(ops.get("/streamers?q=LIN").then().statusCode(200).extract().asString()).contains("/streamers/lin").doesNotContain("/streamers/kai\"");
        assertThat(ops.get("/streamers?q=@kai-live").then().statusCode(200).extract().asString()).contains("/streamers/kai\"").doesNotContain("/streamers/lin\"");
        assertThat(ops.get("/streamers?tier=KEY&opsManager=mia").then().statusCode(200).extract().asString())
                .contains("/streamers/lin\"", "/streamers/kai\"");
        assertThat(ops.get("/streamers?opsManager=somebody-else").then().statusCode(200).extract().asString())
                .doesNotContain("/streamers/lin\"").contains("No streamer matches");
        assertThat(ops.get("/streamers?status=OFFBOARDING").then().statusCode(200).extract().asString())
                .as("lin is offboarding").contains("/streamers/lin\"").doesNotContain("/streamers/kai\"");
    }

    @Test
    void activeSearchAnswersTheResultsOnlyAndBadFiltersAreRefused() {
        PageSession ops = PageSession.loggedIn(app, "otto", "ops");

        String fragment = ops.page().header("HX-Request", "true").get("/streamers?q=kai").then().statusCode(200).extract().asString();
        assertThat(fragment).startsWith("<section id=\"results\"").contains("/streamers/kai\"").doesNotContain("<html", "<form");
        ops.get("/streamers?tier=EMPEROR").then().statusCode(400);
        ops.get("/streamers?status=asleep").then().statusCode(400);
        ops.get("/streamers?page=abc").then().statusCode(400);
        ops.get("/streamers?q=" + "x".repeat(101)).then().statusCode(400);
    }

    private static Map<String, Object> violation(String streamer) {
        Map<String, Object> report = new HashMap<>();
        report.put("streamerId", streamer);
        report.put("violationKind", "CONTENT_QUALITY_DROP");
        report.put("source", "OPERATIONS");
        report.put("evidence", Map.of("recording", "live-2026-11-20-2100.mp4"));
        report.put("fanLossRate", 0.0);
        report.put("interactionDrop", 0.0);
        report.put("priorViolations", 0);
        report.put("diversionCount", 0);
        report.put("estimatedLoss", 0.0);
        return report;
    }

    private static Map<String, Object> departure(String streamer, Instant at) {
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", streamer);
        start.put("departureTime", at.toString());
        start.put("departureReason", "RESIGNATION");
        start.put("requestedNonCompeteMonths", 18);
        start.put("averageMonthlyIncome", 20000.0);
        start.put("annualRevenue", 500000.0);
        start.put("ipInvestment", "COMPANY_FUNDED");
        return start;
    }
}
