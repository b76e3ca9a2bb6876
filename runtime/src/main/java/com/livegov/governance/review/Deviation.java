package com.livegov.governance.review;

import java.util.List;

/**
 * One active grant that differs from the PermissionBaseline decision.
 *
 * @param streamer the streamer holding the grant
 * @param grant the grant and its account
 * @param expectedLevel the highest level the baseline allows on that account
 * @param dataExportAllowed whether the baseline allows data export there
 * @param kinds how it differs: {@code LEVEL_ABOVE_BASELINE}, {@code DATA_EXPORT_NOT_ALLOWED}, and
 *        {@code ACCOUNT_NOT_ACTIVE} when the account is paused, suspended or closed
 * @param evaluationId the recorded evaluation of the baseline
 * @param decisionVersion the version of the baseline in force
 */
record Deviation(ReviewedStreamer streamer, ReviewedStreamer.Grant grant, String expectedLevel, boolean dataExportAllowed,
        List<String> kinds, long evaluationId, String decisionVersion) {

    static final String LEVEL_ABOVE_BASELINE = "LEVEL_ABOVE_BASELINE";
    static final String DATA_EXPORT_NOT_ALLOWED = "DATA_EXPORT_NOT_ALLOWED";
    static final String ACCOUNT_NOT_ACTIVE = "ACCOUNT_NOT_ACTIVE";
}
