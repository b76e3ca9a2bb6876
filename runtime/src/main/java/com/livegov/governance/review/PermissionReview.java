package com.livegov.governance.review;

/** The quarterly permission review ({@code processes/permissionReview.bpmn}). */
public final class PermissionReview {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "permissionReview";

    /** The ops-manager's task, named after its form ({@code forms/ReviewPermissions.form}). */
    public static final String REVIEW_TASK = "ReviewPermissions";

    private PermissionReview() {
    }
}
