package com.livegov.governance.rules;

/** How many backup streamers each tier needs. */
class BackupStreamersTest extends DecisionModelContract {

    @Override
    String modelPath() {
        return "/backup-streamers/BackupStreamers.dmn";
    }

    @Override
    String examplesPath() {
        return "backup-streamers/BackupStreamers.examples.csv";
    }
}
