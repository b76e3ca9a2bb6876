package com.livegov.governance.decisions.checks;

import static com.livegov.governance.decisions.checks.ModelFiles.COMMISSION_SPLIT;
import static com.livegov.governance.decisions.checks.ModelFiles.VIOLATION_SEVERITY;
import static com.livegov.governance.decisions.checks.ModelFiles.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * ANALYSIS: Drools' decision-table analysis finds gaps, overlaps in UNIQUE tables and masked rules. EXAMPLES: the
 * draft's examples are evaluated and every difference is named by line and column. Every model in force passes both
 * against its own examples.
 */
class DraftChecksAnalysisAndExamplesTest {

    private final DraftChecks checks = new DraftChecks();
    private final String severity = ModelFiles.xml(VIOLATION_SEVERITY);
    private final String severityExamples = ModelFiles.examples(VIOLATION_SEVERITY);
    private final String commission = ModelFiles.xml(COMMISSION_SPLIT);

    static Stream<String> modelsInForce() {
        return ModelFiles.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("modelsInForce")
    void everyModelInForcePassesEveryCheckWithItsOwnExamples(String model) {
        String xml = ModelFiles.xml(model);
        String examples = ModelFiles.examples(model);
        long rows = examples.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count() - 1;

        CheckReport report = checks.check(xml, xml, examples);

        assertThat(report.findings()).isEmpty();
        assertThat(report.examplesRun()).isEqualTo(rows).isPositive();
    }

    @Test
    void aTierWithoutARuleIsAGapNamingTheMissingValue() {
        String draft = ModelFiles.withoutRule(commission, "Rule_Incubator");

        CheckReport report = checks.check(commission, draft, "");

        assertThat(report.of(Check.ANALYSIS)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("analysisGap");
            assertThat(finding.element()).isEqualTo("DecisionTable_CommissionRates");
            assertThat(finding.args().get(0)).isEqualTo("CommissionRates");
            assertThat(finding.args().get(1)).contains("Gap detected: [ \"INCUBATOR\" ]");
        });
        assertThat(report.refusesSaving()).isFalse();
        assertThat(report.passed()).isFalse();
        Wording.assertWorded(report);
    }

    @Test
    void twoRulesForOneTierInAUniqueTableAreAnOverlap() {
        String draft = edit(commission, "<inputEntry id=\"Rule_Key_In1\"><text>&quot;KEY&quot;</text>",
                "<inputEntry id=\"Rule_Key_In1\"><text>&quot;KEY&quot;,&quot;REGULAR&quot;</text>");

        CheckReport report = checks.check(commission, draft, "");

        assertThat(report.of(Check.ANALYSIS)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("analysisOverlap");
            assertThat(finding.args().get(0)).isEqualTo("CommissionRates");
            assertThat(finding.args().get(1)).contains("Overlap values: [ \"REGULAR\" ] for rules: [1, 2]");
        });
    }

    @Test
    void aHigherPriorityRuleCoveringEverythingMasksTheCatchAll() {
        String draft = edit(severity, "<inputEntry id=\"Rule_IllegalContent_In1\"><text>&quot;ILLEGAL_CONTENT&quot;</text>",
                "<inputEntry id=\"Rule_IllegalContent_In1\"><text>-</text>");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.of(Check.ANALYSIS)).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("analysisMaskedRule");
            assertThat(finding.args().get(0)).isEqualTo("Severity");
            assertThat(finding.args().get(1)).contains("Rule 12 is masked by rule: 6");
        });
    }

    @Test
    void underFirstACatchAllMovedToTheTopHidesEveryRuleBelowIt() {
        String catchAll = ModelFiles.rule(severity, "Rule_FirstSlip");
        String draft = ModelFiles.withoutRule(severity, "Rule_FirstSlip");
        draft = edit(draft, "<rule id=\"Rule_CompetitorWork\">", catchAll + "\n      <rule id=\"Rule_CompetitorWork\">");
        draft = edit(draft, "hitPolicy=\"PRIORITY\"", "hitPolicy=\"FIRST\"");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.of(Check.ANALYSIS)).hasSize(11).first().isEqualTo(new Finding(Check.ANALYSIS, "analysisUnreachableRule",
                List.of("Severity", "2", "Rule_CompetitorWork", "1", "Rule_FirstSlip"), "Rule_CompetitorWork"));
        assertThat(report.of(Check.ANALYSIS)).last().isEqualTo(new Finding(Check.ANALYSIS, "analysisUnreachableRule",
                List.of("Severity", "12", "Rule_InteractionCollapse", "1", "Rule_FirstSlip"), "Rule_InteractionCollapse"));
        Wording.assertWorded(report);
    }

    @Test
    void underFirstTheTableInItsOwnOrderHidesNoRule() {
        String draft = edit(severity, "hitPolicy=\"PRIORITY\"", "hitPolicy=\"FIRST\"");

        assertThat(checks.check(severity, draft, ModelFiles.examples(VIOLATION_SEVERITY)).findings()).isEmpty();
    }

    @Test
    void aRaisedFineFailsEveryExampleThatExpectedTheOldFineByLineAndColumn() {
        String draft = edit(severity, "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000</text>",
                "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2500</text>");

        CheckReport report = checks.check(severity, draft, severityExamples);

        assertThat(report.findings()).containsExactly(
                example("exampleOutputDiffers", "9", "fine", "2000", "2500"),
                example("exampleOutputDiffers", "11", "fine", "2000", "2500"),
                example("exampleOutputDiffers", "15", "fine", "2000", "2500"),
                example("exampleOutputDiffers", "17", "fine", "2000", "2500"));
        assertThat(report.examplesRun()).isEqualTo(16);
        Wording.assertWorded(report);
    }

    @Test
    void theRaisedFineWithItsExamplesUpdatedPasses() {
        String draft = edit(severity, "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000</text>",
                "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2500</text>");
        String examples = severityExamples.replace(",1,2000,", ",1,2500,");

        CheckReport report = checks.check(severity, draft, examples);

        assertThat(report.findings()).isEmpty();
        assertThat(report.examplesRun()).isEqualTo(16);
    }

    @Test
    void anExampleExpectingOtherRulesIsNamedWithTheRulesThatMatched() {
        String examples = edit(severityExamples, "Rule_IllegalContent|Rule_ModerateFirst", "Rule_DiversionAgain|Rule_ModerateFirst");

        CheckReport report = checks.check(severity, severity, examples);

        assertThat(report.findings()).containsExactly(example("exampleRulesDiffer", "9",
                "Rule_DiversionAgain|Rule_ModerateFirst", "Rule_IllegalContent|Rule_ModerateFirst"));
        Wording.assertWorded(report);
    }

    @Test
    void anUnknownColumnIsNamedAndNoExampleRuns() {
        CheckReport report = checks.check(severity, severity, "# a comment\nviolationKind,bogus,rule\nILLEGAL_CONTENT,1,Rule_IllegalContent\n");

        assertThat(report.findings()).containsExactly(example("exampleUnknownColumn", "2", "bogus"));
        assertThat(report.examplesRun()).isZero();
        Wording.assertWorded(report);
    }

    @Test
    void aLineWithTooFewCellsIsNamedAndTheOtherLinesStillRun() {
        CheckReport report = checks.check(severity, severity, severityExamples + "ILLEGAL_CONTENT,0,0\n");

        assertThat(report.findings()).containsExactly(example("exampleCellCount", "19", "18", "3"));
        assertThat(report.examplesRun()).isEqualTo(16);
        Wording.assertWorded(report);
    }

    @Test
    void aValueOfTheWrongTypeOrOutsideTheAllowedValuesIsNamed() {
        String examples = "violationKind,fanLossRate,interactionDrop,priorViolations,diversionCount,estimatedLoss,Severity\n"
                + "ILLEGAL_CONTENT,ten,0,0,0,0,MODERATE\n"
                + "NOT_A_KIND,0,0,0,0,0,MODERATE\n"
                + "ILLEGAL_CONTENT,0,0,0,0,0,MODERATE\n";

        CheckReport report = checks.check(severity, severity, examples);

        assertThat(report.findings()).containsExactly(
                example("exampleBadValue", "2", "fanLossRate", "ten", "number"),
                example("exampleInputRefused", "3", "violationKind", "NOT_A_KIND"));
        assertThat(report.examplesRun()).isEqualTo(1);
        Wording.assertWorded(report);
    }

    @Test
    void noExamplesIsNoFindingAndNothingRun() {
        assertThat(checks.check(severity, severity, "")).isEqualTo(new CheckReport(List.of(), 0));
        assertThat(checks.check(severity, severity, "# only a comment\n")).isEqualTo(new CheckReport(List.of(), 0));
    }

    private static Finding example(String code, String... args) {
        return new Finding(Check.EXAMPLES, code, List.of(args), null);
    }
}
