package com.livegov.governance.decisions.checks;

import static com.livegov.governance.decisions.checks.ModelFiles.COMMISSION_SPLIT;
import static com.livegov.governance.decisions.checks.ModelFiles.VIOLATION_SEVERITY;
import static com.livegov.governance.decisions.checks.ModelFiles.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * INTERFACE: what processes and callers rely on (inputs, decisions, their types) is unchanged, else exactly what
 * changed is named. PROTECTED: only rules and plain literal texts are the business's to edit; calculations, columns,
 * item definitions are not. The edits here all compile, so these checks are what stops them.
 */
class DraftChecksInterfaceAndProtectedTest {

    private static final String KINDS = "&quot;OFF_PLATFORM_DIVERSION&quot;,&quot;COMPETITOR_MENTION&quot;,&quot;HINTING_DEPARTURE&quot;,"
            + "&quot;ILLEGAL_CONTENT&quot;,&quot;INTERACTION_DECLINE&quot;,&quot;CONTENT_QUALITY_DROP&quot;,"
            + "&quot;PERSONAL_BRAND_OVER_COMPANY&quot;,&quot;DATA_EXPORT_ATTEMPT&quot;";
    private static final String KINDS_TEXT = KINDS.replace("&quot;", "\"");

    private final DraftChecks checks = new DraftChecks();
    private final String severity = ModelFiles.xml(VIOLATION_SEVERITY);
    private final String commission = ModelFiles.xml(COMMISSION_SPLIT);

    @Test
    void aKindDroppedFromTheAllowedValuesIsAnInterfaceChangeOfTheInputAndAProtectedItemDefinition() {
        String draft = edit(severity, KINDS + ",&quot;WORKING_FOR_COMPETITOR&quot;</text></allowedValues>", KINDS + "</text></allowedValues>");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.of(Check.INTERFACE)).containsExactly(new Finding(Check.INTERFACE, "allowedValuesChanged",
                List.of("violationKind", KINDS_TEXT + ",\"WORKING_FOR_COMPETITOR\"", KINDS_TEXT), "InputData_violationKind"));
        assertThat(report.of(Check.PROTECTED)).containsExactly(new Finding(Check.PROTECTED, "itemDefinitionChanged",
                List.of("ViolationKind", "string (" + KINDS_TEXT + ",\"WORKING_FOR_COMPETITOR\")", "string (" + KINDS_TEXT + ")"),
                "ItemDefinition_ViolationKind"));
        assertThat(report.refusesSaving()).isTrue();
        Wording.assertWorded(report);
    }

    @Test
    void anInputRetypedAnInputAddedAndANewOutputValueAreEachNamed() {
        String draft = edit(severity, "name=\"estimatedLoss\" typeRef=\"Amount\"", "name=\"estimatedLoss\" typeRef=\"number\"");
        draft = edit(draft, "&quot;MINOR&quot;,&quot;MODERATE&quot;,&quot;SEVERE&quot;</text></allowedValues>",
                "&quot;MINOR&quot;,&quot;MODERATE&quot;,&quot;SEVERE&quot;,&quot;CRITICAL&quot;</text></allowedValues>");
        draft = edit(draft, "  <decision id=\"Decision_Severity\"", """
                  <inputData id="InputData_region" name="region">
                    <variable id="Variable_region" name="region" typeRef="string"/>
                  </inputData>
                  <decision id="Decision_Severity\"""");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.of(Check.INTERFACE)).containsExactly(
                new Finding(Check.INTERFACE, "inputTypeChanged", List.of("estimatedLoss", "Amount", "number", "number (>= 0)", "number"),
                        "InputData_estimatedLoss"),
                new Finding(Check.INTERFACE, "inputAdded", List.of("region", "string"), "InputData_region"),
                new Finding(Check.INTERFACE, "outputAllowedValuesChanged", List.of("Severity", "\"MINOR\",\"MODERATE\",\"SEVERE\"",
                        "\"MINOR\",\"MODERATE\",\"SEVERE\",\"CRITICAL\""), "Decision_Severity"));
        Wording.assertWorded(report);
    }

    @Test
    void aDecisionAddedIsAnInterfaceChange() {
        String draft = edit(severity, "  <dmndi:DMNDI>", """
                  <decision id="Decision_Escalate" name="Escalate">
                    <variable id="Variable_Escalate" name="Escalate" typeRef="boolean"/>
                    <literalExpression id="LiteralExpression_Escalate"><text>true</text></literalExpression>
                  </decision>
                  <dmndi:DMNDI>""");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.of(Check.INTERFACE)).containsExactly(
                new Finding(Check.INTERFACE, "decisionAdded", List.of("Escalate", "boolean"), "Decision_Escalate"));
        assertThat(report.of(Check.PROTECTED)).isEmpty();
    }

    @Test
    void aChangedAmountCalculationIsRefusedNamingTheEntryEvenThoughItIsWrittenAsALiteralContext() {
        String draft = edit(commission, "baseAmount: decimal(monthlySales * baseRate, 2)", "baseAmount: decimal(monthlySales * baseRate * 1.1, 2)");

        CheckReport report = checks.check(commission, draft, "");

        assertThat(report.of(Check.PROTECTED)).containsExactly(new Finding(Check.PROTECTED, "calculationEntryChanged",
                List.of("CommissionSplit", "baseAmount", "decimal(monthlySales * baseRate, 2)", "decimal(monthlySales * baseRate * 1.1, 2)"),
                "LiteralExpression_CommissionSplit"));
        assertThat(report.of(Check.INTERFACE)).isEmpty();
        assertThat(report.refusesSaving()).isTrue();
        Wording.assertWorded(report);
    }

    @Test
    void anEntryAddedToTheCalculationIsRefused() {
        String draft = edit(commission, "  total: baseAmount", "  bonus: 100,\n  total: baseAmount");

        CheckReport report = checks.check(commission, draft, "");

        assertThat(report.of(Check.PROTECTED)).containsExactly(new Finding(Check.PROTECTED, "calculationEntryAdded",
                List.of("CommissionSplit", "bonus", "100"), "LiteralExpression_CommissionSplit"));
    }

    @Test
    void aChangedInputColumnIsRefusedNamingTheTableAndColumn() {
        String draft = edit(commission, "<inputValues id=\"InputValues_CommissionRates_1\"><text>&quot;REGULAR&quot;,",
                "<inputValues id=\"InputValues_CommissionRates_1\"><text>&quot;REGULAR&quot;,&quot;TRIAL&quot;,");

        CheckReport report = checks.check(commission, draft, "");

        assertThat(report.of(Check.PROTECTED)).containsExactly(new Finding(Check.PROTECTED, "inputValuesChanged",
                List.of("CommissionRates", "Tier", "\"REGULAR\",\"KEY\",\"STRATEGIC\",\"PARTNER\",\"INCUBATOR\"",
                        "\"REGULAR\",\"TRIAL\",\"KEY\",\"STRATEGIC\",\"PARTNER\",\"INCUBATOR\""), "DecisionTable_CommissionRates"));
        Wording.assertWorded(report);
    }

    @Test
    void aChangedInputExpressionIsRefused() {
        String draft = edit(severity, "<inputExpression id=\"InputExpression_Severity_2\" typeRef=\"number\"><text>fanLossRate</text>",
                "<inputExpression id=\"InputExpression_Severity_2\" typeRef=\"number\"><text>fanLossRate * 2</text>");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.of(Check.PROTECTED)).containsExactly(new Finding(Check.PROTECTED, "inputExpressionChanged",
                List.of("Severity", "Fan loss rate (%)", "fanLossRate", "fanLossRate * 2"), "DecisionTable_Severity"));
    }

    @Test
    void aChangedEntryOfABoxedContextIsRefusedNamingTheEntry() {
        String boxed = boxedPartnerSplit("5", "3");
        String draft = boxedPartnerSplit("6", "2");

        CheckReport report = checks.check(boxed, draft, ModelFiles.examples("partner-profit-split/PartnerProfitSplit"));

        assertThat(report.of(Check.PROTECTED)).containsExactly(
                new Finding(Check.PROTECTED, "calculationEntryChanged", List.of("PartnerProfitSplit", "streamer",
                        "decimal(projectProfit * 5 / 10, 2) (number)", "decimal(projectProfit * 6 / 10, 2) (number)"), "Context_PartnerProfitSplit"),
                new Finding(Check.PROTECTED, "calculationEntryChanged", List.of("PartnerProfitSplit", "operator",
                        "decimal(projectProfit * 3 / 10, 2) (number)", "decimal(projectProfit * 2 / 10, 2) (number)"), "Context_PartnerProfitSplit"));
        assertThat(checks.check(boxed, boxed, ModelFiles.examples("partner-profit-split/PartnerProfitSplit")).findings()).isEmpty();
        Wording.assertWorded(report);
    }

    @Test
    void aNewRequirementOfADecisionIsRefused() {
        String draft = edit(severity,
                "<informationRequirement id=\"InformationRequirement_Measures_priorViolations\"><requiredInput href=\"#InputData_priorViolations\"/></informationRequirement>",
                "<informationRequirement id=\"InformationRequirement_Measures_priorViolations\"><requiredInput href=\"#InputData_priorViolations\"/></informationRequirement>"
                        + "<informationRequirement id=\"InformationRequirement_Measures_estimatedLoss\"><requiredInput href=\"#InputData_estimatedLoss\"/></informationRequirement>");

        CheckReport report = checks.check(severity, draft, "");

        assertThat(report.findings()).containsExactly(new Finding(Check.PROTECTED, "requirementsChanged",
                List.of("Measures", "Severity, priorViolations", "Severity, estimatedLoss, priorViolations"), "Decision_Measures"));
    }

    /** PartnerProfitSplit with its calculation as a boxed context (the shape Kogito's editor writes), with the given parts. */
    private static String boxedPartnerSplit(String streamerParts, String operatorParts) {
        String xml = ModelFiles.xml("partner-profit-split/PartnerProfitSplit");
        int start = xml.indexOf("<literalExpression id=\"LiteralExpression_PartnerProfitSplit\"");
        int end = xml.indexOf("</literalExpression>", start) + "</literalExpression>".length();
        String context = """
                <context id="Context_PartnerProfitSplit" typeRef="tPartnerSplit">
                      <contextEntry><variable name="streamer" typeRef="number"/><literalExpression><text>decimal(projectProfit * %s / 10, 2)</text></literalExpression></contextEntry>
                      <contextEntry><variable name="operator" typeRef="number"/><literalExpression><text>decimal(projectProfit * %s / 10, 2)</text></literalExpression></contextEntry>
                      <contextEntry><variable name="businessDeveloper" typeRef="number"/><literalExpression><text>projectProfit - streamer - operator</text></literalExpression></contextEntry>
                    </context>""".formatted(streamerParts, operatorParts);
        return xml.substring(0, start) + context + xml.substring(end);
    }

    @Test
    void rulesHitPolicyEntriesAnnotationsLabelsAndTheDiagramAreTheBusinessesToChange() {
        String draft = edit(severity, "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000</text>",
                "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2500</text>");
        draft = edit(draft, "<decisionTable id=\"DecisionTable_Severity\" hitPolicy=\"PRIORITY\"",
                "<decisionTable id=\"DecisionTable_Severity\" hitPolicy=\"FIRST\"");
        draft = ModelFiles.withoutRule(draft, "Rule_DepartureSignsAgain");
        draft = edit(draft, "<annotationEntry><text>Moderate, first time:", "<annotationEntry><text>Moderate, first time (raised fine):");
        draft = edit(draft, "label=\"Live streaming suspended (days)\"", "label=\"Days off air\"");
        draft = edit(draft, "<dc:Bounds height=\"80\" width=\"180\" x=\"160\" y=\"60\"/>", "<dc:Bounds height=\"80\" width=\"180\" x=\"100\" y=\"40\"/>");
        String calculation = edit(commission, "<description>The commission: base", "<description>The monthly commission: base");

        assertThat(checks.check(severity, draft, "").of(Check.PROTECTED)).isEmpty();
        assertThat(checks.check(severity, draft, "").of(Check.INTERFACE)).isEmpty();
        assertThat(checks.check(commission, calculation, "").findings()).isEmpty();
    }
}
