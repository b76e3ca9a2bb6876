package com.livegov.governance.decisions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The decisions API and the process seam: evaluations answer with version and matched rules and are
 * recorded; bad input answers 400 naming the input and records nothing; a business-rule task's evaluation is
 * recorded with its process instance as the caller.
 */
class DecisionsApiIT {

    private static RunningApp app;

    /** A valid CommissionSplit request (PARTNER tier, target exceeded, no profit pool). */
    private static Map<String, Object> partnerMonth() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("tier", "PARTNER");
        inputs.put("monthlySales", 123456.78);
        inputs.put("monthlyTarget", 100000);
        inputs.put("trafficSales", 3333.33);
        inputs.put("cooperationMonths", 36);
        inputs.put("profitPool", null);
        return inputs;
    }

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void commissionIsComputedExactlyAndTheEvaluationIsRecorded() {
        String version = given(app.api()).get("/decisions").then().statusCode(200)
                .extract().path("find { it.name == 'CommissionSplit' }.version");

        Map<String, Object> outcome = given(app.api()).body(partnerMonth())
                .when().post("/decisions/CommissionSplit")
                .then().statusCode(200)
                .body("decision", equalTo("CommissionSplit"))
                .body("version", equalTo(version))
                .extract().jsonPath().getMap("$");

        Map<?, ?> commission = (Map<?, ?>) ((Map<?, ?>) outcome.get("outputs")).get("CommissionSplit");
        assertThat(commission.get("total").toString()).isEqualTo("36374.07");
        assertThat(commission.get("baseAmount").toString()).isEqualTo("27160.49");
        assertThat((List<Object>) outcome.get("matchedRules")).containsExactly("Rule_Partner");

        Map<String, Object> row = app.jdbc().queryForMap(
                "select decision, version, inputs::text as inputs, outputs::text as outputs, matched_rules::text as rules, caller_kind"
                        + " from governance.decision_evaluations where id = ?", ((Number) outcome.get("evaluationId")).longValue());
        assertThat(row.get("version")).isEqualTo(version);
        assertThat((String) row.get("inputs")).contains("\"tier\": \"PARTNER\"", "\"monthlySales\": 123456.78");
        assertThat((String) row.get("outputs")).contains("\"total\": 36374.07");
        assertThat((String) row.get("rules")).contains("Rule_Partner");
        assertThat(row.get("caller_kind")).isEqualTo("USER");
    }

    static List<Object[]> badInputs() {
        return List.of(
                new Object[] { "unknown enumeration value", "tier", "GOLD" },
                new Object[] { "wrong type", "monthlySales", "a lot" },
                new Object[] { "negative amount", "trafficSales", -0.01 },
                new Object[] { "missing input", "cooperationMonths", null },
                new Object[] { "optional input left out instead of sent as null", "profitPool", null },
                new Object[] { "not an input of the model", "bonus", 5 });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputAnswers400NamingTheInputAndRecordsNothing(String kind, String input, Object value) {
        Map<String, Object> inputs = partnerMonth();
        if (value == null) {
            inputs.remove(input);
        } else {
            inputs.put(input, value);
        }
        long before = recorded();

        given(app.api()).body(inputs)
                .when().post("/decisions/CommissionSplit")
                .then().statusCode(400)
                .body("title", equalTo("Invalid decision input"))
                .body("input", equalTo(input))
                .body("detail", containsString(input))
                .body(not(containsString("Exception")));

        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void aMissingProposalIsNotJudgedEnforceable() {
        Map<String, Object> departure = new HashMap<>();
        departure.put("departureReason", "RESIGNATION");
        departure.put("requestedNonCompeteMonths", 12);
        departure.put("averageMonthlyIncome", 20000);
        departure.put("annualRevenue", 500000);
        departure.put("ipInvestment", "COMPANY_FUNDED");
        departure.put("proposedMonthlyCompensation", null);
        departure.put("proposedLiquidatedDamagesMultiple", null);

        Map<?, ?> unjudged = terms(departure);
        assertThat(unjudged.containsKey("proposedCompensationEnforceable")).isTrue();
        assertThat(unjudged.get("proposedCompensationEnforceable")).isNull();
        assertThat(unjudged.get("proposedDamagesEnforceable")).isNull();

        departure.put("proposedMonthlyCompensation", 5999.99);
        departure.put("proposedLiquidatedDamagesMultiple", 2);
        Map<?, ?> judged = terms(departure);
        assertThat(judged.get("proposedCompensationEnforceable")).isEqualTo(false);
        assertThat(judged.get("proposedDamagesEnforceable")).isEqualTo(true);

        departure.remove("proposedMonthlyCompensation");
        long before = recorded();
        given(app.api()).body(departure).when().post("/decisions/OffboardingTerms")
                .then().statusCode(400)
                .body("input", equalTo("proposedMonthlyCompensation"))
                .body("detail", containsString("send null"));
        assertThat(recorded()).isEqualTo(before);
    }

    private static Map<?, ?> terms(Map<String, Object> departure) {
        Map<String, Object> outputs = given(app.api()).body(departure).when().post("/decisions/OffboardingTerms")
                .then().statusCode(200).extract().jsonPath().getMap("outputs");
        return (Map<?, ?>) outputs.get("OffboardingTerms");
    }

    @Test
    void malformedJsonAndUnknownDecisionAreClientErrors() {
        long before = recorded();

        given(app.api()).body("{\"tier\": ").when().post("/decisions/CommissionSplit").then().statusCode(400);
        given(app.api()).body(partnerMonth()).when().post("/decisions/Horoscope").then().statusCode(404);

        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void businessRuleTaskEvaluationIsRecordedWithItsProcessInstance() {
        String id = new ApprovalClient(app).request(ApprovalRequest.of("CANCEL_ACCOUNT"));

        Map<String, Object> row = app.jdbc().queryForMap(
                "select decision, caller_kind, process_id, matched_rules::text as rules from governance.decision_evaluations where caller_id = ?", id);
        assertThat(row.get("decision")).isEqualTo("ApprovalChain");
        assertThat(row.get("caller_kind")).isEqualTo("PROCESS");
        assertThat(row.get("process_id")).isEqualTo("accountActionApproval");
        assertThat((String) row.get("rules")).contains("Rule_CancelAccount");
    }

    @Test
    void decisionsAreInTheOpenApiDocument() {
        given(app.api()).get("/v3/api-docs").then().statusCode(200)
                .body("paths.keySet()", hasItem("/decisions/{name}"));
    }

    private long recorded() {
        return app.jdbc().queryForObject("select count(*) from governance.decision_evaluations", Long.class);
    }
}
