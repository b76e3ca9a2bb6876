package com.livegov.governance.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input to every public endpoint family answers 4xx with an RFC 7807 problem document, no
 * stack trace or SQL, and changes nothing.
 */
class BadInputIT {

    private static final String MALFORMED = "{\"action\": \"SUSPEND_LIVE\", ";
    private static final String OVERSIZED = "{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}";

    private static RunningApp app;
    private static ApprovalClient approvals;
    private static String taskId;
    private static String approvalId;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        approvals = new ApprovalClient(app);
        approvalId = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)));
        taskId = (String) approvals.awaitTaskFor(approvalId, "ops-manager").get("id");
        given(app.api()).when().get("/decisions").then().statusCode(200);  // the test suite's own login exists from here on
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    /** A request of one endpoint family with one kind of bad input, and the status it must get. */
    record Bad(String family, String kind, String method, String path, Object body, int status) {
        @Override
        public String toString() {
            return family + ": " + kind;
        }
    }

    static Stream<Bad> badRequests() {
        String start = "/" + AccountActionApproval.PROCESS_ID;
        return Stream.of(
                new Bad("decisions", "malformed JSON", "POST", "/decisions/TrafficAlert", MALFORMED, 400),
                new Bad("decisions", "unknown decision", "POST", "/decisions/NoSuchDecision", Map.of(), 404),
                new Bad("decisions", "wrong type", "POST", "/decisions/TrafficAlert",
                        Map.of("fanLossRate", "a lot", "interactionDrop", 5, "otherAccountMentions", 0), 400),
                new Bad("decisions", "unknown enumeration value", "POST", "/decisions/CommissionSplit",
                        Map.of("tier", "GOLD", "monthlySales", 1, "monthlyTarget", 1, "trafficSales", 0, "cooperationMonths", 1, "profitPool", 0), 400),
                new Bad("decisions", "oversized body", "POST", "/decisions/TrafficAlert", OVERSIZED, 413),
                new Bad("process start", "malformed JSON", "POST", start, MALFORMED, 400),
                new Bad("process start", "wrong type", "POST", start, Map.of("action", List.of(1, 2), "subject", "x"), 400),
                new Bad("process start", "unknown enumeration value", "POST", start,
                        Map.of("action", "FLY_AWAY", "severity", "NONE", "accountKind", "SUB_ACCOUNT", "subject", "x", "reason", "r"), 400),
                new Bad("process start", "oversized body", "POST", start, OVERSIZED, 413),
                new Bad("onboarding", "null enumeration value", "POST", "/streamerOnboarding", onboarding("tier", null, null), 400),
                new Bad("onboarding", "missing enumeration value", "POST", "/streamerOnboarding", onboarding(null, null, null), 400),
                new Bad("onboarding", "null enumeration value in the terms", "POST", "/streamerOnboarding", onboarding("tier", "KEY", "ipInvestment"), 400),
                new Bad("process instance", "unknown id", "GET", start + "/" + UUID.randomUUID(), null, 404),
                new Bad("user task", "unknown id", "POST", "/usertasks/instance/" + UUID.randomUUID() + "/transition",
                        Map.of("transitionId", "claim"), 404),
                new Bad("user task", "malformed JSON", "POST", "/usertasks/instance/{task}/transition", MALFORMED, 400),
                new Bad("user task", "invalid transition", "POST", "/usertasks/instance/{task}/transition",
                        Map.of("transitionId", "complete", "data", Map.of("approved", true, "comment", "fine by me")), 409),
                new Bad("user task", "unknown transition", "POST", "/usertasks/instance/{task}/transition",
                        Map.of("transitionId", "teleport"), 409),
                new Bad("user task", "wrong type", "PUT", "/usertasks/instance/{task}/outputs", Map.of("approved", "maybe"), 400),
                new Bad("user task", "oversized body", "POST", "/usertasks/instance/{task}/transition", OVERSIZED, 413),
                new Bad("accounts", "unknown streamer", "GET", "/accounts/streamers/nobody", null, 404),
                new Bad("history", "unknown process instance", "GET", "/history/process-instances/" + UUID.randomUUID(), null, 404),
                new Bad("offboarding", "unknown streamer", "GET", "/offboarding/nobody/timeline", null, 404),
                new Bad("admin", "malformed JSON", "POST", "/admin/users", MALFORMED, 400),
                new Bad("admin", "unknown user", "PUT", "/admin/users/nobody/enabled", Map.of("enabled", true), 404),
                new Bad("admin", "wrong type", "PUT", "/admin/users/tester/enabled", Map.of("enabled", "yes please"), 400),
                new Bad("admin", "unknown enumeration value", "POST", "/admin/users",
                        Map.of("username", "zed", "password", "long-enough-password", "groups", List.of("emperor")), 400),
                new Bad("admin", "oversized body", "POST", "/admin/users", OVERSIZED, 413));
    }

    /**
     * An onboarding proposal with one enumeration spoilt: {@code field} set to {@code value} (null when value is
     * null), or left out when field is null; {@code nullTerm} names a field of the terms set to null.
     */
    private static Map<String, Object> onboarding(String field, String value, String nullTerm) {
        Map<String, Object> terms = new java.util.HashMap<>(Map.of("nonCompeteMonths", 18, "monthlyCompensation", 6000, "averageMonthlyIncome", 20000,
                "annualRevenue", 500000, "liquidatedDamagesMultiple", 2.5, "ipInvestment", "COMPANY_FUNDED", "ownershipClause", true,
                "confidentialityList", true));
        if (nullTerm != null) {
            terms.put(nullTerm, null);
        }
        Map<String, Object> start = new java.util.HashMap<>(Map.of("streamerId", "bad-input-host", "displayName", "Host", "category", "beauty",
                "opsManager", "mia", "startDate", "2026-12-01", "subAccountHandle", "@bad-input-host", "terms", terms));
        if (field != null) {
            start.put(field, value);
        }
        return start;
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedByTheFirewallAndOneWithTabsAndAccentsIsNot() throws Exception {
        // the firewall checks a header when the application reads it, and the login reads Authorization; the bytes
        // are sent as they are (ISO-8859-1, as HTTP reads them), since a REST client would replace them
        String login = app.basicLogin("firewall-reader", "ops");
        assertThat(rawGet("/decisions", "Authorization: " + login + "\u0085")).startsWith("HTTP/1.1 400").contains("application/problem+json");
        assertThat(rawGet("/decisions", "Authorization: " + login + "\t\u00e9")).as("past the firewall, refused as a login")
                .startsWith("HTTP/1.1 401");
        assertThat(rawGet("/decisions", "Authorization: " + login)).startsWith("HTTP/1.1 200");
    }

    private static String rawGet(String path, String header) throws IOException {
        try (Socket socket = new Socket("localhost", app.port())) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + header
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void unreadableTextIsRefusedInTheCallersLanguageNamingTheField() {
        Map<String, Object> alert = Map.of("fanLossRate", 5, "interactionDrop", 5, "otherAccountMentions", 0, "note", "a\u0000b");
        given(app.api()).header("Accept-Language", "zh-CN").body(Map.of("streamer", alert)).when().post("/decisions/TrafficAlert")
                .then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("/streamer/note"))
                .body("code", org.hamcrest.Matchers.equalTo("controlCharacter"))
                .body("title", org.hamcrest.Matchers.equalTo("无法读取的输入"))
                .body("detail", org.hamcrest.Matchers.equalTo("字段 /streamer/note 含有控制字符 U+0000；文本中只能含有制表符、换行符和回车符。"));
        given(app.api()).header("Accept-Language", "en").body(Map.of("streamer", alert)).when().post("/decisions/TrafficAlert")
                .then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.equalTo(
                        "The field /streamer/note holds the control character U+0000; text may hold tab, line feed and carriage return only."));
    }

    @Test
    void moneyIsWrittenAsAPlainDecimalNeverInScientificNotation() {
        Map<String, Object> departure = new java.util.HashMap<>(Map.of("departureReason", "RESIGNATION", "requestedNonCompeteMonths", 12,
                "averageMonthlyIncome", 20000, "annualRevenue", 500000, "ipInvestment", "COMPANY_FUNDED"));
        departure.put("proposedMonthlyCompensation", null);
        departure.put("proposedLiquidatedDamagesMultiple", null);

        String body = given(app.api()).body(departure).when().post("/decisions/OffboardingTerms").then().statusCode(200).extract().asString();

        // 20,000 x 0.30 is 6E+3 to the decision engine; a client reads 6000 (with or without its two decimals)
        assertThat(body).containsPattern("\"minimumMonthlyCompensation\":6000(\\.00)?[,}]");
        assertThat(body).doesNotContainPattern("[:,\\[]-?[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAProblemDocumentAndChangesNothing(Bad bad) {
        long actionsBefore = count("account_actions");
        long usersBefore = count("users");
        long instancesBefore = app.jdbc().queryForObject("select count(*) from public.process_instances", Long.class);
        RequestSpecification request = given(app.api());
        if (bad.body() != null) {
            request = request.body(bad.body());
        }
        String path = bad.path().replace("{task}", taskId);
        Response response = request.request(bad.method(), path);

        assertThat(response.statusCode()).as(bad + " " + response.asString()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(bad.toString()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(bad.status());
        assertThat(response.asString()).as(bad.toString()).doesNotContain("Exception", "\tat ", "SELECT", "select ", "org.");
        assertThat(count("account_actions")).isEqualTo(actionsBefore);
        assertThat(count("users")).isEqualTo(usersBefore);
        assertThat(app.jdbc().queryForObject("select count(*) from public.process_instances", Long.class))
                .as("no process started").isEqualTo(instancesBefore);
    }

    @Test
    void theTaskIsStillOpenAfterAllOfIt() {
        assertThat(approvals.taskFor(approvalId, "ops-manager")).isPresent();
    }

    private static long count(String table) {
        return app.jdbc().queryForObject("select count(*) from governance." + table, Long.class);
    }
}
