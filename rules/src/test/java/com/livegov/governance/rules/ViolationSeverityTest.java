package com.livegov.governance.rules;

/** Severity of a violation and the graded response. */
class ViolationSeverityTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/violation-severity/ViolationSeverity.dmn";
    }

    @Override
    String examplesPath() {
        return "violation-severity/ViolationSeverity.examples.csv";
    }
}
