package com.livegov.governance.decisions.checks;

import static com.livegov.governance.decisions.checks.ModelFiles.COMMISSION_SPLIT;
import static com.livegov.governance.decisions.checks.ModelFiles.VIOLATION_SEVERITY;
import static com.livegov.governance.decisions.checks.ModelFiles.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.livegov.governance.decisions.checks.VersionDiff.Change;

/** The difference between two versions in words, on real edits of ViolationSeverity and CommissionSplit. */
class VersionDiffTest {

    private static final String NEW_RULE = """
            <rule id="Rule_CostlyQualityDrop">
                    <description>A quality drop that cost 50,000 or more.</description>
                    <inputEntry id="Rule_CostlyQualityDrop_In1"><text>&quot;CONTENT_QUALITY_DROP&quot;</text></inputEntry>
                    <inputEntry id="Rule_CostlyQualityDrop_In2"><text>-</text></inputEntry>
                    <inputEntry id="Rule_CostlyQualityDrop_In3"><text>-</text></inputEntry>
                    <inputEntry id="Rule_CostlyQualityDrop_In4"><text>-</text></inputEntry>
                    <inputEntry id="Rule_CostlyQualityDrop_In5"><text>-</text></inputEntry>
                    <inputEntry id="Rule_CostlyQualityDrop_In6"><text>&gt;= 50000</text></inputEntry>
                    <outputEntry id="Rule_CostlyQualityDrop_Out1"><text>&quot;MODERATE&quot;</text></outputEntry>
                    <annotationEntry><text>A costly drop is more than a slip.</text></annotationEntry>
                  </rule>
                  """;

    private final String severity = ModelFiles.xml(VIOLATION_SEVERITY);
    private final String commission = ModelFiles.xml(COMMISSION_SPLIT);

    @Test
    void theSameVersionHasNoDifference() {
        assertThat(VersionDiff.between(severity, severity)).isEmpty();
        assertThat(VersionDiff.between(commission, commission)).isEmpty();
    }

    @Test
    void aLegalEditOfViolationSeverityReadsRuleByRuleAndCellByCell() {
        String edited = edit(severity, "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000</text>",
                "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2500</text>");
        edited = edit(edited, "<annotationEntry><text>Moderate, first time: one day off air,", "<annotationEntry><text>Moderate, first time: one day off air, a higher");
        edited = edit(edited, "<description>Moderate, first time: one day off air, fine,", "<description>Moderate, first time: one day off air, a higher fine,");
        edited = ModelFiles.withoutRule(edited, "Rule_DepartureSignsAgain");
        String habitual = ModelFiles.rule(edited, "Rule_HabitualOffender");
        edited = ModelFiles.withoutRule(edited, "Rule_HabitualOffender");
        edited = edit(edited, "<rule id=\"Rule_CompetitorWork\">", habitual + "\n      <rule id=\"Rule_CompetitorWork\">");
        edited = edit(edited, "<rule id=\"Rule_DiversionAgain\">", NEW_RULE + "<rule id=\"Rule_DiversionAgain\">");
        edited = edit(edited, "<decisionTable id=\"DecisionTable_Severity\" hitPolicy=\"PRIORITY\"",
                "<decisionTable id=\"DecisionTable_Severity\" hitPolicy=\"FIRST\"");
        edited = edit(edited, "<description>Hit policy UNIQUE: each severity", "<description>Hit policy UNIQUE: every severity");

        List<Change> changes = VersionDiff.between(severity, edited);

        assertThat(changes).containsExactly(
                new Change("Severity", "hitPolicyChanged", List.of("Severity", "PRIORITY", "FIRST")),
                new Change("Severity", "ruleRemoved", List.of("Severity", "9", "Rule_DepartureSignsAgain",
                        "Kind of violation: \"COMPETITOR_MENTION\",\"HINTING_DEPARTURE\"; Fan loss rate (%): -; Interaction drop (%): -; "
                                + "Prior violations (12 months): >= 1; Off-platform diversions: -; Estimated loss: -",
                        "Severity: \"MODERATE\"; Why: Naming competitors or hinting at leaving again after a warning.")),
                new Change("Severity", "ruleAdded", List.of("Severity", "7", "Rule_CostlyQualityDrop",
                        "Kind of violation: \"CONTENT_QUALITY_DROP\"; Fan loss rate (%): -; Interaction drop (%): -; "
                                + "Prior violations (12 months): -; Off-platform diversions: -; Estimated loss: >= 50000",
                        "Severity: \"MODERATE\"; Why: A costly drop is more than a slip.")),
                new Change("Severity", "ruleMoved", List.of("Severity", "Rule_HabitualOffender", "5", "1")),
                new Change("Measures", "descriptionChanged", List.of("Measures",
                        "Hit policy UNIQUE: each severity (and, when moderate, the number of prior violations) has exactly one graded response.",
                        "Hit policy UNIQUE: every severity (and, when moderate, the number of prior violations) has exactly one graded response.")),
                new Change("Measures", "cellChanged", List.of("Measures", "2", "Rule_ModerateFirst", "fine", "2000", "2500")),
                new Change("Measures", "cellChanged", List.of("Measures", "2", "Rule_ModerateFirst", "Why",
                        "Moderate, first time: one day off air, fine, downgrade and a written commitment.",
                        "Moderate, first time: one day off air, a higher fine, downgrade and a written commitment.")),
                new Change("Measures", "ruleDescriptionChanged", List.of("Measures", "2", "Rule_ModerateFirst",
                        "Moderate, first time: one day off air, fine, downgrade and a written commitment.",
                        "Moderate, first time: one day off air, a higher fine, downgrade and a written commitment.")));
        Wording.assertWordedChanges(changes);
    }

    @Test
    void anHrEditOfCommissionSplitNamesEachRateAndTheChangedCalculation() {
        String edited = edit(commission, "<outputEntry id=\"Rule_Key_Out1\"><text>0.18</text>", "<outputEntry id=\"Rule_Key_Out1\"><text>0.19</text>");
        edited = edit(edited, "<outputEntry id=\"Rule_Key_Out4\"><text>0.035</text>", "<outputEntry id=\"Rule_Key_Out4\"><text>0.04</text>");
        edited = edit(edited, "total: baseAmount + excessAmount + trafficAmount + dividendAmount", "total: baseAmount + excessAmount + trafficAmount");
        String oldText = literalText(commission);
        String newText = literalText(edited);

        List<Change> changes = VersionDiff.between(commission, edited);

        assertThat(oldText).startsWith("{").endsWith("}").contains("total: baseAmount + excessAmount + trafficAmount + dividendAmount");
        assertThat(newText).doesNotContain("+ dividendAmount");
        assertThat(changes).containsExactly(
                new Change("CommissionRates", "cellChanged", List.of("CommissionRates", "2", "Rule_Key", "baseRate", "0.18", "0.19")),
                new Change("CommissionRates", "cellChanged", List.of("CommissionRates", "2", "Rule_Key", "dividendShare", "0.035", "0.04")),
                new Change("CommissionSplit", "literalExpressionChanged", List.of("CommissionSplit", oldText, newText)));
        Wording.assertWordedChanges(changes);
    }

    @Test
    void rulesWithoutIdsAreMatchedByPosition() {
        String older = commission.replaceAll("<rule id=\"[A-Za-z_]+\">", "<rule>");
        String newer = edit(older, "<outputEntry id=\"Rule_Partner_Out2\"><text>0.38</text>", "<outputEntry id=\"Rule_Partner_Out2\"><text>0.39</text>");
        newer = ModelFiles.withoutRule(newer.replace("<rule>\n        <description>Exclusive agency",
                "<rule id=\"Rule_Incubator\">\n        <description>Exclusive agency"), "Rule_Incubator");

        List<Change> changes = VersionDiff.between(older, newer);

        assertThat(changes).containsExactly(
                new Change("CommissionRates", "ruleRemoved", List.of("CommissionRates", "5", "-", "Tier: \"INCUBATOR\"",
                        "baseRate: 0.25; excessRate: 0.40; trafficRate: 0.10; dividendShare: 0.05; dividendAfterMonths: 24; "
                                + "Why: Exclusive agency: the highest shares of the ladder.")),
                new Change("CommissionRates", "cellChanged", List.of("CommissionRates", "4", "-", "excessRate", "0.38", "0.39")));
    }

    @Test
    void aFileThatIsNotXmlIsRefused() {
        assertThatThrownBy(() -> VersionDiff.between(severity, "<definitions")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The calculation's text as the file holds it, its two escaped characters read back. */
    private static String literalText(String xml) {
        String start = "<literalExpression id=\"LiteralExpression_CommissionSplit\" typeRef=\"tCommission\">\n      <text>";
        int from = xml.indexOf(start) + start.length();
        return xml.substring(from, xml.indexOf("</text>", from)).replace("&gt;", ">").replace("&amp;", "&");
    }
}
