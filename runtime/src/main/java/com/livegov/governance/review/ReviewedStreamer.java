package com.livegov.governance.review;

/**
 * An active streamer as the review compares them.
 *
 * @param id the streamer
 * @param tier their tier (an input of the baseline)
 * @param opsManager the user id of their ops-manager, who answers for their deviations
 */
record ReviewedStreamer(String id, String tier, String opsManager) {

    /** One active permission grant of the streamer, with the account it is on. */
    record Grant(long id, String accountId, String accountKind, String accountStatus, String level, boolean dataExport) {
    }
}
