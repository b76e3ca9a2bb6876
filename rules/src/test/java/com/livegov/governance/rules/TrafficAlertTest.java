package com.livegov.governance.rules;

/** From period metrics to NONE, WATCH or INVESTIGATE. */
class TrafficAlertTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/traffic-alert/TrafficAlert.dmn";
    }

    @Override
    String examplesPath() {
        return "traffic-alert/TrafficAlert.examples.csv";
    }
}
