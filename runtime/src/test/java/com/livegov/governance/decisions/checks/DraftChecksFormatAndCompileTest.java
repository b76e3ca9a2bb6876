package com.livegov.governance.decisions.checks;

import static com.livegov.governance.decisions.checks.ModelFiles.COMMISSION_SPLIT;
import static com.livegov.governance.decisions.checks.ModelFiles.VIOLATION_SEVERITY;
import static com.livegov.governance.decisions.checks.ModelFiles.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * FORMAT and COMPILE: a draft that is not this model's DMN 1.3 XML, or does not compile, is refused with what is wrong,
 * and nothing after that check runs (not even the examples, though they are given).
 */
class DraftChecksFormatAndCompileTest {

    private static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private final DraftChecks checks = new DraftChecks();
    private final String severity = ModelFiles.xml(VIOLATION_SEVERITY);
    private final String examples = ModelFiles.examples(VIOLATION_SEVERITY);

    @Test
    void aTruncatedFileIsNotXmlAndTheLineWhereReadingStoppedIsNamed() {
        String truncated = severity.substring(0, 500);

        CheckReport report = checks.check(severity, truncated, examples);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.check()).isEqualTo(Check.FORMAT);
            assertThat(finding.code()).isEqualTo("notXml");
            assertThat(finding.args().get(0)).isEqualTo(String.valueOf(truncated.split("\n", -1).length));
        });
        assertThat(report.examplesRun()).isZero();
        assertThat(report.refusesSaving()).isTrue();
        Wording.assertWorded(report);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsRead() {
        String withEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + edit(severity.substring(severity.indexOf("<definitions")), "<description>How serious", "<description>&secret; How serious");

        CheckReport report = checks.check(severity, withEntity, examples);

        assertThat(report.findings()).containsExactly(new Finding(Check.FORMAT, "doctypeRefused", List.of(), null));
        Wording.assertWorded(report);
    }

    @Test
    void dmn15AndDmn12AreRefusedNamingTheVersionAndNamespace() {
        String dmn15 = severity.replace(DMN13, "https://www.omg.org/spec/DMN/20230324/MODEL/");
        String dmn12 = severity.replace(DMN13, "http://www.omg.org/spec/DMN/20180521/MODEL/");

        assertThat(checks.check(severity, dmn15, examples).findings()).containsExactly(new Finding(Check.FORMAT, "dmnVersionRefused",
                List.of("1.5", "https://www.omg.org/spec/DMN/20230324/MODEL/"), null));
        assertThat(checks.check(severity, dmn12, examples).findings()).containsExactly(new Finding(Check.FORMAT, "dmnVersionRefused",
                List.of("1.2", "http://www.omg.org/spec/DMN/20180521/MODEL/"), null));
        Wording.assertWorded(checks.check(severity, dmn15, examples));
    }

    @Test
    void xmlThatIsNotDmnDefinitionsIsRefused() {
        CheckReport report = checks.check(severity, "<definitions name=\"ViolationSeverity\"/>", examples);

        assertThat(report.findings()).containsExactly(new Finding(Check.FORMAT, "notDmn13", List.of("definitions", "-"), null));
        assertThat(checks.check(severity, "<decision xmlns=\"" + DMN13 + "\"/>", examples).findings())
                .containsExactly(new Finding(Check.FORMAT, "notDmn13", List.of("decision", DMN13), null));
        Wording.assertWorded(report);
    }

    @Test
    void anotherModelsFileIsRefusedNamingBothModels() {
        CheckReport report = checks.check(severity, ModelFiles.xml(COMMISSION_SPLIT), examples);

        assertThat(report.findings()).containsExactly(new Finding(Check.FORMAT, "otherModel", List.of("CommissionSplit",
                "https://streamer-governance.org/dmn/commission-split", "ViolationSeverity",
                "https://streamer-governance.org/dmn/violation-severity"), null));
        Wording.assertWorded(report);
    }

    @Test
    void aFeelSyntaxErrorInACellIsOneCompileFindingOnItsRuleAndNothingElseRuns() {
        String draft = edit(severity, "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000</text>",
                "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000 +* </text>");

        CheckReport report = checks.check(severity, draft, examples);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.check()).isEqualTo(Check.COMPILE);
            assertThat(finding.code()).isEqualTo("compileError");
            assertThat(finding.element()).isEqualTo("Rule_ModerateFirst");
            assertThat(finding.args()).singleElement().asString().contains("'2000 +* '", "'Measures'", "syntax error");
        });
        assertThat(report.examplesRun()).isZero();
        Wording.assertWorded(report);
    }

    @Test
    void eachCompileErrorIsItsOwnFinding() {
        String draft = edit(edit(severity, "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000</text>",
                "<outputEntry id=\"Rule_ModerateFirst_Out4\"><text>2000 +* </text>"),
                "<outputEntry id=\"Rule_ModerateSecond_Out4\"><text>5000</text>", "<outputEntry id=\"Rule_ModerateSecond_Out4\"><text>5000 /</text>");

        CheckReport report = checks.check(severity, draft, examples);

        assertThat(report.findings()).extracting(Finding::check).containsOnly(Check.COMPILE);
        assertThat(report.findings()).extracting(Finding::element).contains("Rule_ModerateFirst", "Rule_ModerateSecond");
    }

    @Test
    void aDraftWithOnlyItsDiagramLabelsAndDescriptionsChangedPassesEveryCheck() {
        String draft = edit(edit(edit(severity, "<input id=\"Input_Severity_1\" label=\"Kind of violation\">", "<input id=\"Input_Severity_1\" label=\"Violation kind\">"),
                "<dc:Bounds height=\"80\" width=\"180\" x=\"160\" y=\"60\"/>", "<dc:Bounds height=\"90\" width=\"200\" x=\"170\" y=\"70\"/>"),
                "<description>How serious a violation is", "<description>How grave a violation is");

        CheckReport report = checks.check(severity, draft, examples);

        assertThat(report.findings()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.examplesRun()).isEqualTo(16);
    }
}
