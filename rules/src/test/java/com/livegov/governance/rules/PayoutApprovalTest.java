package com.livegov.governance.rules;

/** Whether a month's commission settlement needs the director: one large payout, or a large month. */
class PayoutApprovalTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/payout-approval/PayoutApproval.dmn";
    }

    @Override
    String examplesPath() {
        return "payout-approval/PayoutApproval.examples.csv";
    }
}
