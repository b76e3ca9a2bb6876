package com.livegov.governance.decisions.versions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Legal and HR change their decision tables over REST: a draft from the version in force, the checks on every save,
 * four eyes, effective periods on two instances, rollback, the settlement of a past month with that month's version,
 * and every refusal (non-owners, bad files, bad dates) answered with a problem document and nothing changed.
 */
class DecisionVersionsIT {

    private static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    private static String database;
    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        database = TestDatabase.newDatabase();
        app = RunningApp.start(database);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    private static RequestSpecification hr() {
        return app.as("hanna-hr", "hr");
    }

    private static RequestSpecification secondHr() {
        return app.as("henry-hr", "hr");
    }

    private static RequestSpecification legal() {
        return app.as("lena-legal", "legal");
    }

    private static RequestSpecification secondLegal() {
        return app.as("lukas-legal", "legal");
    }

    private static String file(String path) {
        try (InputStream in = DecisionVersionsIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int draft(RequestSpecification owner, String model) {
        return given(owner).when().post("/decision-models/{model}/drafts", model).then().statusCode(201)
                .body("state", equalTo("DRAFT")).extract().path("number");
    }

    private static String xml(String model, int number) {
        return given(app.api()).accept("application/xml").when().get("/decision-models/{model}/versions/{n}/dmn", model, number)
                .then().statusCode(200).extract().asString();
    }

    private static String examples(String model, int number) {
        return given(app.api()).accept("text/csv").when().get("/decision-models/{model}/versions/{n}/examples", model, number)
                .then().statusCode(200).extract().asString();
    }

    private static Response save(RequestSpecification owner, String model, int number, String xml, String examples) {
        Map<String, Object> body = new HashMap<>();
        body.put("xml", xml);
        body.put("examples", examples);
        return given(owner).body(body).when().put("/decision-models/{model}/versions/{n}", model, number);
    }

    private static Response submit(RequestSpecification owner, String model, int number, String note) {
        return given(owner).body(Map.of("text", note)).when().post("/decision-models/{model}/versions/{n}/submit", model, number);
    }

    private static Response approve(RequestSpecification owner, String model, int number, Instant from, Instant until) {
        Map<String, Object> body = new HashMap<>();
        body.put("comment", "checked against the contract");
        body.put("effectiveFrom", from == null ? null : from.toString());
        body.put("effectiveUntil", until == null ? null : until.toString());
        return given(owner).body(body).when().post("/decision-models/{model}/versions/{n}/approve", model, number);
    }

    private static String hash(String model, int number) {
        return given(app.api()).when().get("/decision-models/{model}/versions/{n}", model, number).then().statusCode(200)
                .extract().path("hash");
    }

    private static Map<String, Object> evaluate(RunningApp on, String model, Map<String, Object> inputs, String asOf) {
        RequestSpecification request = given(on.api()).body(inputs);
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return request.when().post("/decisions/{model}", model).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static int versionNumber(Map<String, Object> outcome) {
        return ((Number) outcome.get("versionNumber")).intValue();
    }

    private static Map<String, Object> keyMonth() {
        Map<String, Object> inputs = new HashMap<>(Map.of("tier", "KEY", "monthlySales", 100000, "monthlyTarget", 80000, "trafficSales", 10000,
                "cooperationMonths", 12));
        inputs.put("profitPool", null);
        return inputs;
    }

    private static long audited(String action, String model) {
        return app.jdbc().queryForObject("select count(*) from governance.audit_trail where action = ? and target_id = ?", Long.class,
                action, model);
    }

    @Test
    void theModelsOfTheBuildAreVersionOneInForceFromTheBeginning() throws Exception {
        String file = file("/violation-severity/ViolationSeverity.dmn");
        List<Map<String, Object>> history = given(legal()).when().get("/decision-models/ViolationSeverity/versions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> first = history.get(history.size() - 1);
        assertThat(first).containsEntry("number", 1).containsEntry("state", "APPROVED").containsEntry("origin", "DEPLOY")
                .containsEntry("author", "deploy").containsEntry("hash", sha256(file));
        assertThat(Instant.parse((String) first.get("effectiveFrom"))).isBefore(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(xml("ViolationSeverity", 1)).isEqualTo(file);
        assertThat(examples("ViolationSeverity", 1)).isEqualTo(file("/violation-severity/ViolationSeverity.examples.csv"));
        given(app.api()).accept("application/xml").when().get("/decision-models/ViolationSeverity/versions/1/dmn").then().statusCode(200)
                .header("Content-Disposition", containsString("ViolationSeverity-v1.dmn"));
        given(legal()).when().get("/decision-models").then().statusCode(200)
                .body("find { it.name == 'ViolationSeverity' }.owners", hasItem("legal"))
                .body("find { it.name == 'ViolationSeverity' }.owner", equalTo(true))
                .body("find { it.name == 'CommissionSplit' }.owner", equalTo(false));
        assertThat(audited("DECISION_PUBLISHED", "ViolationSeverity")).isEqualTo(1);
    }

    @Test
    void aDraftThatChangesWhatCallersRelyOnIsRefusedWithWhatChangedAndNothingIsSaved() {
        int number = draft(hr(), "CommissionSplit");
        String before = hash("CommissionSplit", number);
        String withGold = xml("CommissionSplit", number).replace("&quot;INCUBATOR&quot;</text></allowedValues>",
                "&quot;INCUBATOR&quot;,&quot;GOLD&quot;</text></allowedValues>");
        assertThat(withGold).isNotEqualTo(xml("CommissionSplit", number));

        save(hr(), "CommissionSplit", number, withGold, examples("CommissionSplit", number)).then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("checksRefused"))
                .body("findings.check", hasItem("INTERFACE"))
                .body("findings.message", hasItem(containsString("Tier")))
                .body(not(containsString("Exception")));

        assertThat(hash("CommissionSplit", number)).isEqualTo(before);
    }

    @Test
    void aGapOrAFailingExampleIsShownOnSaveAndBlocksTheSubmission() {
        int number = draft(hr(), "CommissionSplit");
        String original = xml("CommissionSplit", number);
        String examples = examples("CommissionSplit", number);
        String withoutIncubator = original.replaceAll("(?s)<rule id=\"Rule_Incubator\">.*?</rule>", "");
        assertThat(withoutIncubator).doesNotContain("Rule_Incubator\"");

        save(hr(), "CommissionSplit", number, withoutIncubator, examples).then().statusCode(200)
                .body("passed", equalTo(false)).body("findings.check", hasItem("ANALYSIS"));
        submit(hr(), "CommissionSplit", number, "no incubator rates any more").then().statusCode(422)
                .body("code", equalTo("checksFailed"));

        String strategicRaised = original.replace("<outputEntry id=\"Rule_Strategic_Out1\"><text>0.20</text>",
                "<outputEntry id=\"Rule_Strategic_Out1\"><text>0.21</text>");
        assertThat(strategicRaised).isNotEqualTo(original);
        save(hr(), "CommissionSplit", number, strategicRaised, examples).then().statusCode(200)
                .body("passed", equalTo(false)).body("findings.check", hasItem("EXAMPLES"))
                .body("findings.check", not(hasItem("ANALYSIS")));
        submit(hr(), "CommissionSplit", number, "strategic streamers get 21 %").then().statusCode(422).body("code", equalTo("checksFailed"));
        given(app.api()).when().get("/decision-models/CommissionSplit/versions/{n}", number).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void aSecondOwnerApprovesTheChangeAndAPastMonthIsStillSettledWithItsOwnVersion() {
        String streamer = "key-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-live");
        given(app.api()).body(Map.of("sales", 100000, "target", 80000, "trafficSales", 10000, "loadedBy", "fiona"))
                .when().put("/commission-settlements/figures/2025-06/{streamer}", streamer).then().statusCode(200);
        int inForce = versionNumber(evaluate(app, "CommissionSplit", keyMonth(), null));
        for (int i = 0; i < 3; i++) {
            evaluate(app, "CommissionSplit", keyMonth(), null);
        }

        int number = draft(hr(), "CommissionSplit");
        String keyRaised = xml("CommissionSplit", number).replace("<outputEntry id=\"Rule_Key_Out1\"><text>0.18</text>",
                "<outputEntry id=\"Rule_Key_Out1\"><text>0.19</text>");
        // the KEY example: 50,000 of sales at 19 % is 9,500.00
        String examples = examples("CommissionSplit", number).replace("KEY,50000,60000,0,23,1000000,9000.00,false,0,0.00,false,0,9000.00,Rule_Key",
                "KEY,50000,60000,0,23,1000000,9500.00,false,0,0.00,false,0,9500.00,Rule_Key");
        assertThat(keyRaised).contains("Rule_Key_Out1\"><text>0.19<");
        assertThat(examples).contains("9500.00");
        save(hr(), "CommissionSplit", number, keyRaised, examples).then().statusCode(200).body("passed", equalTo(true));
        Map<String, Object> whatIf = given(hr()).when().get("/decision-models/CommissionSplit/versions/{n}/what-if", number)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(((Number) whatIf.get("changed")).intValue()).as("the four KEY evaluations of this test, the only ones of CommissionSplit").isEqualTo(4);
        assertThat(((Number) whatIf.get("replayed")).intValue()).isEqualTo(4);

        submit(hr(), "CommissionSplit", number, "   ").then().statusCode(400).body("code", equalTo("changeNoteMissing"));
        submit(hr(), "CommissionSplit", number, "Key streamers get 19 % from now on").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        approve(hr(), "CommissionSplit", number, null, null).then().statusCode(403).body("code", equalTo("ownApproval"));
        approve(legal(), "CommissionSplit", number, null, null).then().statusCode(403).body("code", equalTo("notOwner"));
        assertThat(versionNumber(evaluate(app, "CommissionSplit", keyMonth(), null))).isEqualTo(inForce);

        approve(secondHr(), "CommissionSplit", number, null, null).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("reviewer", equalTo("henry-hr")).body("author", equalTo("hanna-hr"));
        approve(secondHr(), "CommissionSplit", number, null, null).then().statusCode(409).body("code", equalTo("notSubmitted"));

        Map<String, Object> now = evaluate(app, "CommissionSplit", keyMonth(), null);
        assertThat(versionNumber(now)).isEqualTo(number);
        assertThat(new BigDecimal(((Map<?, ?>) ((Map<?, ?>) now.get("outputs")).get("CommissionSplit")).get("baseAmount").toString()))
                .isEqualByComparingTo("19000.00");
        Map<String, Object> june = evaluate(app, "CommissionSplit", keyMonth(), "2025-06-30T23:59:59Z");
        assertThat(versionNumber(june)).as("as of a past month").isEqualTo(inForce);
        assertThat(audited("DECISION_SUBMITTED", "CommissionSplit")).isGreaterThanOrEqualTo(1);
        assertThat(app.jdbc().queryForObject("""
                select actor from governance.audit_trail where action = 'DECISION_APPROVED' and target_id = 'CommissionSplit'
                order by sequence desc limit 1""", String.class)).isEqualTo("henry-hr");
        given(hr()).when().get("/decision-models/CommissionSplit/diff?from={a}&to={b}", inForce, number).then().statusCode(200)
                .body("message", hasItem(containsString("0.19")));

        // June 2025 is settled now, with the version in force on its last day: 18 % of 100,000
        String id = given(app.api()).body(Map.of("month", "2025-06", "startedBy", "hanna")).when().post("/commission-settlements")
                .then().statusCode(201).extract().path("processInstanceId");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.jdbc().queryForObject(
                "select count(*) from governance.decision_evaluations where caller_id = ? and decision = 'CommissionSplit'", Integer.class, id) > 0);
        Map<String, Object> payout = app.jdbc().queryForMap("""
                select e.version_number, e.outputs -> 'CommissionSplit' ->> 'baseAmount' as base from governance.decision_evaluations e
                where e.caller_id = ? and e.decision = 'CommissionSplit' and e.inputs ->> 'tier' = 'KEY'""", id);
        assertThat(payout.get("version_number")).isEqualTo(inForce);
        assertThat(new BigDecimal((String) payout.get("base"))).isEqualByComparingTo("18000.00");
    }

    @Test
    void aScheduledVersionTakesEffectAtItsInstantOnBothInstancesAndTheOneBeforeAppliesAgainAfterItsEnd() throws Exception {
        RequestSpecification ops = app.as("otto-ops", "ops");
        RequestSpecification opsManager = app.as("olga-ops-manager", "ops-manager");
        try (RunningApp second = RunningApp.start(database)) {
            int before = versionNumber(evaluate(second, "BackupStreamers", Map.of("tier", "REGULAR"), null));
            int number = draft(ops, "BackupStreamers");
            String xml = xml("BackupStreamers", number).replace("<outputEntry id=\"Rule_BackupsOptional_Out2\"><text>3</text>",
                    "<outputEntry id=\"Rule_BackupsOptional_Out2\"><text>4</text>");
            String examples = examples("BackupStreamers", number).replace("REGULAR,0,3,", "REGULAR,0,4,").replace("INCUBATOR,0,3,", "INCUBATOR,0,4,");
            save(ops, "BackupStreamers", number, xml, examples).then().statusCode(200).body("passed", equalTo(true));
            submit(ops, "BackupStreamers", number, "Promotion month: one more optional backup").then().statusCode(200);

            Instant from = Instant.now().plusSeconds(4);
            Instant until = from.plusSeconds(3);
            approve(opsManager, "BackupStreamers", number, Instant.now().minusSeconds(60), null).then().statusCode(400)
                    .body("code", equalTo("effectiveInPast"));
            approve(opsManager, "BackupStreamers", number, from, from.minusSeconds(1)).then().statusCode(400)
                    .body("code", equalTo("untilBeforeFrom"));
            approve(opsManager, "BackupStreamers", number, from, until).then().statusCode(200).body("state", equalTo("APPROVED"));

            record Answer(Instant evaluatedAt, int version, int instance) {
            }
            List<Answer> answers = new ArrayList<>();
            List<RunningApp> instances = List.of(app, second);
            int turn = 0;
            while (Instant.now().isBefore(until.plusSeconds(2))) {
                Map<String, Object> outcome = evaluate(instances.get(turn % 2), "BackupStreamers", Map.of("tier", "REGULAR"), null);
                answers.add(new Answer(java.time.OffsetDateTime.parse((String) outcome.get("evaluatedAt")).toInstant(), versionNumber(outcome),
                        turn % 2));
                turn++;
            }
            for (Answer answer : answers) {
                boolean inPeriod = !answer.evaluatedAt().isBefore(from) && answer.evaluatedAt().isBefore(until);
                if (answer.version() == number) {
                    assertThat(inPeriod).as("never in force outside its period: %s", answer).isTrue();
                }
                if (!answer.evaluatedAt().isBefore(from.plusSeconds(1)) && answer.evaluatedAt().isBefore(until)) {
                    assertThat(answer.version()).as("switched within a second on instance %s", answer.instance()).isEqualTo(number);
                }
                if (!answer.evaluatedAt().isBefore(until.plusSeconds(1))) {
                    assertThat(answer.version()).as("the version before applies again after the end").isEqualTo(before);
                }
            }
            assertThat(answers.stream().filter(a -> a.version() == number).map(Answer::instance).distinct().count())
                    .as("both instances used the scheduled version").isEqualTo(2);
            assertThat(versionNumber(evaluate(second, "BackupStreamers", Map.of("tier", "REGULAR"), from.minusMillis(1).toString())))
                    .isEqualTo(before);
            assertThat(versionNumber(evaluate(second, "BackupStreamers", Map.of("tier", "REGULAR"), from.plusMillis(1).toString())))
                    .isEqualTo(number);
            assertThat(versionNumber(evaluate(second, "BackupStreamers", Map.of("tier", "REGULAR"), until.plusMillis(1).toString())))
                    .isEqualTo(before);
        }
    }

    @Test
    void aRollbackPutsThePreviousVersionBackAtOnceOnEveryInstanceAndASecondOwnerConfirmsIt() {
        Map<String, Object> report = Map.of("violationKind", "COMPETITOR_MENTION", "fanLossRate", 1, "interactionDrop", 0,
                "priorViolations", 0, "diversionCount", 0, "estimatedLoss", 0);
        try (RunningApp second = RunningApp.start(database)) {
            int previous = versionNumber(evaluate(app, "ViolationSeverity", report, null));
            String previousHash = hash("ViolationSeverity", previous);
            int number = draft(legal(), "ViolationSeverity");
            String reworded = xml("ViolationSeverity", number).replaceFirst("<annotationEntry><text>", "<annotationEntry><text>Reworded: ");
            save(legal(), "ViolationSeverity", number, reworded, examples("ViolationSeverity", number)).then().statusCode(200)
                    .body("passed", equalTo(true));
            submit(legal(), "ViolationSeverity", number, "Clearer wording for the interview").then().statusCode(200);
            approve(secondLegal(), "ViolationSeverity", number, null, null).then().statusCode(200);
            Instant approved = Instant.now();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> versionNumber(evaluate(second, "ViolationSeverity", report, null)) == number);
            assertThat(Duration.between(approved, Instant.now())).isLessThan(Duration.ofSeconds(1));

            given(legal()).body(Map.of("text", " ")).when().post("/decision-models/ViolationSeverity/rollback").then().statusCode(400)
                    .body("code", equalTo("reasonMissing"));
            int rollback = given(legal()).body(Map.of("text", "The wording confused ops; back to the previous table"))
                    .when().post("/decision-models/ViolationSeverity/rollback")
                    .then().statusCode(201).body("origin", equalTo("ROLLBACK")).body("state", equalTo("APPROVED"))
                    .body("basedOn", equalTo(previous)).body("hash", equalTo(previousHash)).body("needsReview", equalTo(true))
                    .extract().path("number");
            assertThat(versionNumber(evaluate(app, "ViolationSeverity", report, null))).isEqualTo(rollback);
            Instant rolledBack = Instant.now();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> versionNumber(evaluate(second, "ViolationSeverity", report, null)) == rollback);
            assertThat(Duration.between(rolledBack, Instant.now())).isLessThan(Duration.ofSeconds(1));
            assertThat(audited("DECISION_ROLLED_BACK", "ViolationSeverity")).isEqualTo(1);

            given(legal()).body(Map.of("text", "ok")).when().post("/decision-models/ViolationSeverity/versions/{n}/confirm-rollback", rollback)
                    .then().statusCode(403).body("code", equalTo("ownApproval"));
            given(secondLegal()).body(Map.of("text", "agreed")).when()
                    .post("/decision-models/ViolationSeverity/versions/{n}/confirm-rollback", rollback)
                    .then().statusCode(200).body("needsReview", equalTo(false)).body("reviewer", equalTo("lukas-legal"));
            given(secondLegal()).body(Map.of("text", "again")).when()
                    .post("/decision-models/ViolationSeverity/versions/{n}/confirm-rollback", rollback)
                    .then().statusCode(409);
        }
    }

    @Test
    void someoneWhoDoesNotOwnTheModelIsRefusedAtEveryStepAndNothingChanges() {
        int number = draft(legal(), "OffboardingTerms");
        String xml = xml("OffboardingTerms", number);
        long versions = app.jdbc().queryForObject("select count(*) from governance.decision_versions", Long.class);
        RequestSpecification hr = hr();

        given(hr).when().post("/decision-models/OffboardingTerms/drafts").then().statusCode(403).body("code", equalTo("notOwner"));
        save(hr, "OffboardingTerms", number, xml, "").then().statusCode(403);
        save(secondLegal(), "OffboardingTerms", number, xml, "").then().statusCode(403).body("code", equalTo("notAuthor"));
        submit(hr, "OffboardingTerms", number, "mine now").then().statusCode(403);
        submit(legal(), "OffboardingTerms", number, "unchanged, for the record").then().statusCode(200);
        approve(hr, "OffboardingTerms", number, null, null).then().statusCode(403).body("code", equalTo("notOwner"));
        given(hr).body(Map.of("text", "no")).when().post("/decision-models/OffboardingTerms/versions/{n}/reject", number).then().statusCode(403);
        given(hr).when().post("/decision-models/OffboardingTerms/versions/{n}/withdraw", number).then().statusCode(403);
        given(hr).body(Map.of("text", "undo")).when().post("/decision-models/OffboardingTerms/rollback").then().statusCode(403);
        given(app.as("sam-streamer", "streamer")).when().get("/decision-models").then().statusCode(403);
        given(app.anonymousApi()).when().get("/decision-models").then().statusCode(401);

        assertThat(app.jdbc().queryForObject("select count(*) from governance.decision_versions", Long.class)).isEqualTo(versions);
        given(app.api()).when().get("/decision-models/OffboardingTerms/versions/{n}", number).then().body("state", equalTo("SUBMITTED"));
        given(secondLegal()).body(Map.of("text", "")).when().post("/decision-models/OffboardingTerms/versions/{n}/reject", number)
                .then().statusCode(400).body("code", equalTo("commentMissing"));
        given(secondLegal()).body(Map.of("text", "nothing changes; no new version needed")).when()
                .post("/decision-models/OffboardingTerms/versions/{n}/reject", number).then().statusCode(200).body("state", equalTo("REJECTED"));
    }

    @Test
    void badFilesAndUnknownVersionsAreRefusedWithAProblemAndNothingChanges() {
        int number = draft(legal(), "ApprovalChain");
        String before = hash("ApprovalChain", number);
        String xml = xml("ApprovalChain", number);

        save(legal(), "ApprovalChain", number, "this is not xml", "").then().statusCode(400).body("findings.check", hasItem("FORMAT"));
        save(legal(), "ApprovalChain", number, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><definitions>&e;</definitions>", "")
                .then().statusCode(400).body(not(containsString("root:")));
        save(legal(), "ApprovalChain", number, xml.replace(DMN_13, "http://www.omg.org/spec/DMN/20180521/MODEL/"), "")
                .then().statusCode(400).body("findings.check", hasItem("FORMAT"));
        save(legal(), "ApprovalChain", number, xml("ViolationSeverity", 1), "").then().statusCode(400).body("code", equalTo("notThisModel"));
        save(legal(), "ApprovalChain", number, xml + "<!--" + "x".repeat(600 * 1024) + "-->", "").then().statusCode(413)
                .body("code", equalTo("tooLarge"));
        given(legal()).body(Map.of("xml", xml)).when().put("/decision-models/ApprovalChain/versions/999").then().statusCode(404)
                .body("code", equalTo("unknownVersion"));
        given(legal()).when().get("/decision-models/NoSuchModel/versions").then().statusCode(404).body("code", equalTo("unknownModel"));
        given(legal()).when().get("/decision-models/ApprovalChain/versions/999/dmn").then().statusCode(404);
        given(app.api()).body(Map.of("tier", "KEY")).queryParam("asOf", "yesterday").when().post("/decisions/BackupStreamers")
                .then().statusCode(400).body("parameter", equalTo("asOf"));
        given(app.api()).body(Map.of("tier", "KEY")).queryParam("asOf", Instant.now().plusSeconds(3600).toString())
                .when().post("/decisions/BackupStreamers").then().statusCode(400);

        assertThat(hash("ApprovalChain", number)).isEqualTo(before);
        assertThat(audited("DECISION_DRAFT_SAVED", "ApprovalChain")).isZero();
    }
}
