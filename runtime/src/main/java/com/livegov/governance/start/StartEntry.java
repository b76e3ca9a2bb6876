package com.livegov.governance.start;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.offboarding.StreamerOffboarding;
import com.livegov.governance.review.PermissionReview;
import com.livegov.governance.violations.ViolationEscalation;

/**
 * What a user may start from the workbench: one page per process. Who may start each is the process's entry in
 * {@code governance.security.process-starters}, the same list the REST start obeys.
 */
enum StartEntry {
    ACCOUNT_ACTION("account-action", AccountActionApproval.PROCESS_ID),
    VIOLATION("violation", ViolationEscalation.PROCESS_ID),
    OFFBOARDING("offboarding", StreamerOffboarding.PROCESS_ID),
    PERMISSION_REVIEW("permission-review", PermissionReview.PROCESS_ID);

    private final String page;
    private final String processId;

    StartEntry(String page, String processId) {
        this.page = page;
        this.processId = processId;
    }

    /** The page's address, {@code /start/<page>}. */
    String path() {
        return "/start/" + page;
    }

    String processId() {
        return processId;
    }

    /** The key of the entry's words: {@code start.<page>.title}, {@code start.<page>.intro}. */
    String page() {
        return page;
    }
}
