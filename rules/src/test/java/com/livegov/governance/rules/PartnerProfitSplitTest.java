package com.livegov.governance.rules;

/** The 5 : 3 : 2 split of a partner project's profit. */
class PartnerProfitSplitTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/partner-profit-split/PartnerProfitSplit.dmn";
    }

    @Override
    String examplesPath() {
        return "partner-profit-split/PartnerProfitSplit.examples.csv";
    }
}
