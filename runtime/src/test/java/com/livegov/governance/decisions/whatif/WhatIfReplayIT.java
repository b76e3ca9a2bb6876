package com.livegov.governance.decisions.whatif;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import com.livegov.governance.decisions.whatif.WhatIfReport.RuleShift;
import com.livegov.governance.decisions.whatif.WhatIfReport.StreamerChange;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The what-if replay on evaluations recorded by the real decision service (and, for commissions, by a real
 * settlement run), against the embedded PostgreSQL. Every expected figure is computed here from the generated
 * inputs and the edited cell, not taken from the replay:
 * <ul>
 * <li>ViolationSeverity with the fan-loss threshold of {@code Rule_AudienceLoss} raised from 10 % to 15 %: the
 * declines losing more than 10 and at most 15 % of their fans, and not severe for another reason, move from
 * that rule to {@code Rule_FirstSlip} (or to {@code Rule_InteractionCollapse} when interaction dropped by more
 * than 20 %);</li>
 * <li>the unchanged model changes nothing; evaluations recorded under another version are not replayed; cases whose
 * inputs the draft no longer allows count as failed; the read takes no lock beyond a plain snapshot read;</li>
 * <li>CommissionSplit with the KEY base rate raised from 0.18 to 0.20: every KEY case changes, by the difference
 * of the two base amounts rounded to the cent (half to even), in total and per streamer of the settlement.</li>
 * </ul>
 */
class WhatIfReplayIT {

    private static final List<String> KINDS = List.of("OFF_PLATFORM_DIVERSION", "COMPETITOR_MENTION", "HINTING_DEPARTURE",
            "ILLEGAL_CONTENT", "INTERACTION_DECLINE", "CONTENT_QUALITY_DROP", "PERSONAL_BRAND_OVER_COMPANY",
            "DATA_EXPORT_ATTEMPT", "WORKING_FOR_COMPETITOR");
    private static final Set<String> DECLINES = Set.of("INTERACTION_DECLINE", "CONTENT_QUALITY_DROP", "PERSONAL_BRAND_OVER_COMPANY");
    private static final List<String> TIERS = List.of("REGULAR", "KEY", "STRATEGIC", "PARTNER", "INCUBATOR");
    private static final DecisionCaller CALLER = DecisionCaller.user("whatif-test");

    private static RunningApp app;
    private static WhatIfReplay whatIf;
    /** The ViolationSeverity cases recorded, in the order they were evaluated (oldest first). */
    private static final List<Recorded> severityCases = new ArrayList<>();

    /** One generated case and what the real evaluation recorded for it. */
    private record Recorded(Map<String, Object> inputs, DecisionOutcome outcome) {
        BigDecimal number(String input) {
            return (BigDecimal) inputs.get(input);
        }
    }

    @BeforeAll
    static void startApplicationAndRecordViolationGrades() {
        app = RunningApp.start(TestDatabase.newDatabase());
        whatIf = app.bean(WhatIfReplay.class);
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("violationKind", KINDS.get(random.nextInt(KINDS.size())));
            // fan loss around both thresholds: 0 to 20 % with two decimals, every tenth case exactly on a threshold
            inputs.put("fanLossRate", i % 10 == 0 ? new BigDecimal(List.of("10", "10.01", "15", "15.01").get(i / 10 % 4))
                    : BigDecimal.valueOf(random.nextInt(2001), 2));
            inputs.put("interactionDrop", BigDecimal.valueOf(random.nextInt(3001) - 500, 2));
            inputs.put("priorViolations", BigDecimal.valueOf(random.nextInt(4)));
            inputs.put("diversionCount", BigDecimal.valueOf(random.nextInt(4)));
            inputs.put("estimatedLoss", BigDecimal.valueOf(random.nextInt(12) < 1 ? 100000 + random.nextInt(50000) : random.nextInt(100000)));
            severityCases.add(new Recorded(inputs, app.bean(DecisionService.class).evaluate("ViolationSeverity", inputs, CALLER)));
        }
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void raisingTheFanLossThresholdRegradesExactlyTheDeclinesBetweenTheOldAndTheNewThreshold() {
        String draft = edit(model("violation-severity/ViolationSeverity.dmn"),
                "<inputEntry id=\"Rule_AudienceLoss_In2\"><text>&gt; 10</text></inputEntry>",
                "<inputEntry id=\"Rule_AudienceLoss_In2\"><text>&gt; 15</text></inputEntry>");
        Predicate<Recorded> regraded = c -> DECLINES.contains(c.inputs().get("violationKind"))
                && c.number("fanLossRate").compareTo(BigDecimal.TEN) > 0 && c.number("fanLossRate").compareTo(new BigDecimal("15")) <= 0
                && c.number("priorViolations").compareTo(new BigDecimal("3")) < 0
                && c.number("estimatedLoss").compareTo(new BigDecimal("100000")) < 0;
        List<Recorded> expected = severityCases.stream().filter(regraded).toList();
        assertThat(expected).as("the generated cases cover the change").hasSizeGreaterThan(10);

        WhatIfReport report = whatIf.replay("ViolationSeverity", version("ViolationSeverity"), draft);

        assertThat(report.replayed()).isEqualTo(200);
        assertThat(report.failed()).isZero();
        assertThat(report.changed()).isEqualTo(expected.size());
        assertThat(report.money()).isNull();
        Map<String, Long> moderateResponses = expected.stream()
                .filter(c -> c.number("interactionDrop").compareTo(new BigDecimal("20")) <= 0)
                .collect(Collectors.groupingBy(c -> moderateResponse(c.number("priorViolations")), Collectors.counting()));
        long collapses = expected.stream().filter(c -> c.number("interactionDrop").compareTo(new BigDecimal("20")) > 0).count();
        List<RuleShift> wanted = new ArrayList<>();
        moderateResponses.forEach((response, cases) -> wanted.add(
                new RuleShift(List.of("Rule_AudienceLoss", response), List.of("Rule_FirstSlip", "Rule_MinorResponse"), cases.intValue())));
        expected.stream().filter(c -> c.number("interactionDrop").compareTo(new BigDecimal("20")) > 0)
                .collect(Collectors.groupingBy(c -> moderateResponse(c.number("priorViolations")), Collectors.counting()))
                .forEach((response, cases) -> wanted.add(
                        new RuleShift(List.of("Rule_AudienceLoss", response), List.of("Rule_InteractionCollapse", response), cases.intValue())));
        assertThat(report.ruleShifts()).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(report.ruleShifts()).extracting(RuleShift::cases).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(collapses + moderateResponses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.size());

        List<Long> newestChanged = expected.stream().map(c -> c.outcome().evaluationId()).sorted(Comparator.reverseOrder()).limit(20).toList();
        assertThat(report.samples()).extracting(WhatIfReport.ChangedCase::evaluationId).containsExactlyElementsOf(newestChanged);
        report.samples().forEach(sample -> {
            Recorded recorded = expected.stream().filter(c -> c.outcome().evaluationId() == sample.evaluationId()).findFirst().orElseThrow();
            boolean collapse = recorded.number("interactionDrop").compareTo(new BigDecimal("20")) > 0;
            assertThat(sample.before()).containsEntry("Severity", "MODERATE");
            assertThat(sample.after()).containsEntry("Severity", collapse ? "MODERATE" : "MINOR");
            assertThat(sample.rulesBefore()).isEqualTo(recorded.outcome().matchedRules());
            assertThat(sample.inputs()).containsEntry("violationKind", recorded.inputs().get("violationKind"));
        });
    }

    @Test
    void theUnchangedModelChangesNothing() {
        WhatIfReport report = whatIf.replay("ViolationSeverity", version("ViolationSeverity"), model("violation-severity/ViolationSeverity.dmn"));

        assertThat(report.replayed()).isEqualTo(200);
        assertThat(report.changed()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.ruleShifts()).isEmpty();
        assertThat(report.samples()).isEmpty();
    }

    @Test
    void casesWhoseInputsTheDraftNoLongerAllowsCountAsFailedNotAsChanged() {
        String draft = edit(model("violation-severity/ViolationSeverity.dmn"),
                "<allowedValues id=\"UnaryTests_Count\"><text>&gt;= 0</text></allowedValues>",
                "<allowedValues id=\"UnaryTests_Count\"><text>[0..2]</text></allowedValues>");
        long refused = severityCases.stream()
                .filter(c -> c.number("priorViolations").intValueExact() > 2 || c.number("diversionCount").intValueExact() > 2).count();
        assertThat(refused).isPositive();

        WhatIfReport report = whatIf.replay("ViolationSeverity", version("ViolationSeverity"), draft);

        assertThat(report.replayed()).isEqualTo(200);
        assertThat(report.failed()).isEqualTo((int) refused);
        assertThat(report.changed()).isZero();
        assertThat(report.samples()).isEmpty();
    }

    @Test
    void theReplayReadsWhileAnotherTransactionHoldsTheTablesAgainstEveryLockButAPlainRead() throws Exception {
        // EXCLUSIVE conflicts with every lock a read could take (FOR SHARE, FOR UPDATE) and with any write; it only
        // lets plain snapshot reads through
        try (Connection other = app.bean(DataSource.class).getConnection(); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("lock table governance.decision_evaluations, governance.commission_payouts in exclusive mode");
            try {
                WhatIfReport report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> whatIf.replay("ViolationSeverity", version("ViolationSeverity"), model("violation-severity/ViolationSeverity.dmn")));
                assertThat(report.replayed()).isEqualTo(200);
                assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> whatIf.replay("CommissionSplit", version("CommissionSplit"), model("commission-split/CommissionSplit.dmn")));
            } finally {
                other.rollback();
            }
        }
    }

    @Test
    void evaluationsOfAnotherVersionAreNotReplayed() {
        String other = "0".repeat(64);
        // the same model's evaluations recorded under another version, all newer than those of the version in force
        int copied = app.jdbc().update("""
                insert into governance.decision_evaluations
                    (evaluated_at, decision, namespace, version, inputs, outputs, matched_rules, caller_kind, caller_id)
                select now(), decision, namespace, ?, inputs, jsonb_set(outputs, '{Severity}', '"SEVERE"'), matched_rules, caller_kind, caller_id
                from governance.decision_evaluations where decision = 'ViolationSeverity' and version = ? and id % 4 = 0""",
                other, version("ViolationSeverity"));
        assertThat(copied).isPositive();

        WhatIfReport inForce = whatIf.replay("ViolationSeverity", version("ViolationSeverity"), model("violation-severity/ViolationSeverity.dmn"));
        WhatIfReport ofTheOther = whatIf.replay("ViolationSeverity", other, model("violation-severity/ViolationSeverity.dmn"));

        assertThat(inForce.replayed()).isEqualTo(200);
        assertThat(inForce.changed()).isZero();
        assertThat(ofTheOther.replayed()).isEqualTo(copied);
        long severeAnyway = severityCases.stream().filter(c -> c.outcome().evaluationId() % 4 == 0)
                .filter(c -> "SEVERE".equals(c.outcome().outputs().get("Severity"))).count();
        assertThat(ofTheOther.changed()).as("the copies recorded SEVERE where the model says otherwise").isEqualTo(copied - severeAnyway);
    }

    @Test
    void raisingTheKeyBaseRateChangesEveryKeyCommissionByTheDifferenceOfTheRoundedBaseAmounts() {
        // commissions evaluated directly (no streamer) ...
        Random random = new Random(7);
        List<Recorded> direct = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("tier", TIERS.get(random.nextInt(TIERS.size())));
            inputs.put("monthlySales", BigDecimal.valueOf(random.nextInt(20_000_000), 2));
            inputs.put("monthlyTarget", BigDecimal.valueOf(random.nextInt(150_000)));
            inputs.put("trafficSales", BigDecimal.valueOf(random.nextInt(1_000_000), 2));
            inputs.put("cooperationMonths", BigDecimal.valueOf(random.nextInt(40)));
            inputs.put("profitPool", null);
            direct.add(new Recorded(inputs, app.bean(DecisionService.class).evaluate("CommissionSplit", inputs, CALLER)));
        }
        // ... and a real settlement of a month: each payout references its evaluation and names the streamer
        Map<String, BigDecimal> settledSales = new LinkedHashMap<>();
        settledSales.put(streamer("KEY"), new BigDecimal("123456.78"));
        settledSales.put(streamer("KEY"), new BigDecimal("50000.25"));
        settledSales.put(streamer("PARTNER"), new BigDecimal("90000"));
        settledSales.forEach((streamer, sales) -> given(app.api())
                .body(Map.of("sales", sales, "target", 60000, "trafficSales", 1000, "loadedBy", "fiona"))
                .when().put("/commission-settlements/figures/{month}/{streamer}", "2025-06", streamer).then().statusCode(200));
        given(app.api()).body(Map.of("month", "2025-06", "startedBy", "hanna")).when().post("/commission-settlements").then().statusCode(201);
        assertThat(app.jdbc().queryForObject("select count(*) from governance.commission_payouts", Integer.class)).isEqualTo(3);

        String draft = edit(model("commission-split/CommissionSplit.dmn"),
                "<outputEntry id=\"Rule_Key_Out1\"><text>0.18</text></outputEntry>",
                "<outputEntry id=\"Rule_Key_Out1\"><text>0.20</text></outputEntry>");
        WhatIfReport report = whatIf.replay("CommissionSplit", version("CommissionSplit"), draft);

        List<Recorded> directKey = direct.stream().filter(c -> "KEY".equals(c.inputs().get("tier"))).toList();
        assertThat(directKey).hasSizeGreaterThan(5);
        BigDecimal unknownStreamerChange = directKey.stream().map(c -> baseRaise(c.number("monthlySales"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> keyStreamers = settledSales.keySet().stream().filter(s -> s.startsWith("key-")).toList();
        BigDecimal firstKey = baseRaise(settledSales.get(keyStreamers.get(0)));
        BigDecimal secondKey = baseRaise(settledSales.get(keyStreamers.get(1)));
        assertThat(firstKey).isEqualByComparingTo("2469.14");

        assertThat(report.replayed()).isEqualTo(63);
        assertThat(report.failed()).isZero();
        assertThat(report.changed()).isEqualTo(directKey.size() + 2);
        assertThat(report.ruleShifts()).isEmpty();
        assertThat(report.money().output()).isEqualTo("CommissionSplit.total");
        assertThat(report.money().total()).isEqualByComparingTo(unknownStreamerChange.add(firstKey).add(secondKey));
        assertThat(report.money().byStreamer()).extracting(StreamerChange::streamerId)
                .as("largest change first (null: the commissions evaluated directly); the PARTNER's commission does not change")
                .containsExactlyElementsOf(unknownStreamerChange.compareTo(firstKey) > 0
                        ? java.util.Arrays.asList(null, keyStreamers.get(0), keyStreamers.get(1))
                        : List.of(keyStreamers.get(0), keyStreamers.get(1)));
        StreamerChange first = report.money().byStreamer().stream().filter(s -> keyStreamers.get(0).equals(s.streamerId())).findFirst().orElseThrow();
        assertThat(first.change()).isEqualByComparingTo(firstKey);
        assertThat(first.after().subtract(first.before())).isEqualByComparingTo(firstKey);
        StreamerChange unknown = report.money().byStreamer().stream().filter(s -> s.streamerId() == null).findFirst().orElseThrow();
        assertThat(unknown.change()).isEqualByComparingTo(unknownStreamerChange);
        assertThat(report.samples()).allSatisfy(sample -> assertThat(sample.inputs()).containsEntry("tier", "KEY"));
    }

    /** The raise of the KEY base amount from 18 % to 20 % of the sales, each rounded to the cent half to even. */
    private static BigDecimal baseRaise(BigDecimal sales) {
        return sales.multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.HALF_EVEN)
                .subtract(sales.multiply(new BigDecimal("0.18")).setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String moderateResponse(BigDecimal priorViolations) {
        return switch (priorViolations.intValueExact()) {
            case 0 -> "Rule_ModerateFirst";
            case 1 -> "Rule_ModerateSecond";
            default -> "Rule_ModerateRepeat";
        };
    }

    private static String streamer(String tier) {
        String id = tier.toLowerCase() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        app.bean(StreamerRegistry.class).register(new StreamerRegistry.Streamer(id, "Host " + id, tier, "ACTIVE", "beauty",
                LocalDate.of(2025, 1, 1), "mia"));
        return id;
    }

    private static String version(String model) {
        return app.bean(DecisionService.class).models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow().version();
    }

    private static String model(String resource) {
        try (InputStream in = WhatIfReplayIT.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String edit(String xml, String cell, String edited) {
        assertThat(xml).as("the model has the cell to edit").contains(cell);
        return xml.replace(cell, edited);
    }
}
