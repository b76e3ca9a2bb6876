package com.livegov.governance.rules;

/** The permissions a role allows on an account: the baseline of the quarterly permission review. */
class PermissionBaselineTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/permission-baseline/PermissionBaseline.dmn";
    }

    @Override
    String examplesPath() {
        return "permission-baseline/PermissionBaseline.examples.csv";
    }
}
