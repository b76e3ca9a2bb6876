package com.livegov.governance.rules;

/** The monthly performance assessment: weights (a new-product push is a version of them), combined score, met or missed, grade. */
class PerformanceScoreTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/performance-score/PerformanceScore.dmn";
    }

    @Override
    String examplesPath() {
        return "performance-score/PerformanceScore.examples.csv";
    }
}
