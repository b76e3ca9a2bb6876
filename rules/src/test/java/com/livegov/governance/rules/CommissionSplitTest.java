package com.livegov.governance.rules;

/** The monthly commission of each tier, with half-even rounding to the cent. */
class CommissionSplitTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/commission-split/CommissionSplit.dmn";
    }

    @Override
    String examplesPath() {
        return "commission-split/CommissionSplit.examples.csv";
    }
}
