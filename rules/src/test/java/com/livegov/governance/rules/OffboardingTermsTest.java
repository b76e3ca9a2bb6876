package com.livegov.governance.rules;

/** Non-compete, compensation, damages and ownership on departure. */
class OffboardingTermsTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/offboarding-terms/OffboardingTerms.dmn";
    }

    @Override
    String examplesPath() {
        return "offboarding-terms/OffboardingTerms.examples.csv";
    }
}
