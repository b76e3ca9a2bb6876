package com.livegov.governance.rules;

/** Who approves an account action and how long each level has. */
class ApprovalChainTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/approval-chain/ApprovalChain.dmn";
    }

    @Override
    String examplesPath() {
        return "approval-chain/ApprovalChain.examples.csv";
    }
}
