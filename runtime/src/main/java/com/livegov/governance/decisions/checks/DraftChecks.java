package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.livegov.governance.decisions.PublishedDecision;

/**
 * Runs every check on a draft of a decision model against the version in force, in order: FORMAT, COMPILE,
 * INTERFACE, PROTECTED, ANALYSIS, EXAMPLES. A draft that is not this model's DMN 1.3 XML, or does not compile, is
 * checked no further.
 */
@Component
public class DraftChecks {

    /**
     * @param inForceXml the XML of the version the draft started from (the one in force)
     * @param draftXml the draft's XML
     * @param examplesCsv the draft's examples (header: inputs, expected outputs, {@code rule}); may be empty
     * @throws IllegalArgumentException when the version in force itself is not readable XML
     */
    public CheckReport check(String inForceXml, String draftXml, String examplesCsv) {
        DmnDocument inForce;
        try {
            inForce = DmnDocument.parse(inForceXml);
        } catch (DmnDocument.NotXml e) {
            throw new IllegalArgumentException("The version in force is not readable XML: " + e.getMessage(), e);
        }
        FormatCheck.Result format = FormatCheck.check(inForce, draftXml);
        if (!format.findings().isEmpty()) {
            return new CheckReport(format.findings(), 0);
        }
        CompileCheck.Result compiled = CompileCheck.compile(inForce.name(), draftXml);
        if (compiled.compiled() == null) {
            return new CheckReport(compiled.findings(), 0);
        }
        DmnDocument draft = format.draft();
        List<Finding> findings = new ArrayList<>();
        findings.addAll(InterfaceCheck.compare(inForce, draft));
        findings.addAll(ProtectedCheck.compare(inForce, draft));
        findings.addAll(AnalysisCheck.analyse(draft, draftXml));
        ExamplesCheck.Result examples = examples(compiled.compiled(), examplesCsv);
        findings.addAll(examples.findings());
        return new CheckReport(List.copyOf(findings), examples.run());
    }

    private static ExamplesCheck.Result examples(PublishedDecision draft, String csv) {
        if (csv == null || csv.isBlank()) {
            return new ExamplesCheck.Result(List.of(), 0);
        }
        return ExamplesCheck.run(draft, csv);
    }
}
