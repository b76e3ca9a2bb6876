package com.livegov.governance.security;

/**
 * The workbench's page addresses. They need a login; which groups may see each page is checked by the page's
 * controller with the same groups as the API behind it. A page address that is not listed here is denied.
 */
final class WorkbenchPages {

    /** Pages (GET). */
    static final String[] PAGES = {
            "/", "/inbox", "/inbox/fragment", "/tasks/{taskId}", "/tasks/{taskId}/form",
            "/substitutes",
            "/streamers", "/streamers/{streamerId}",
            "/start", "/start/*",
            "/processes", "/processes/changes", "/processes/{processId}/{instanceId}",
            "/imports",
            "/decision-tables", "/decision-tables/**", "/diagrams/*"
    };

    /** Browser forms (POST, with the session's CSRF token). */
    static final String[] FORMS = {
            "/inbox/bulk", "/tasks/{taskId}/page-comments",
            "/substitutes", "/substitutes/{id}/end",
            "/start/*",
            "/processes/{processId}/{instanceId}/retry",
            // the upload of the process-changes page, and the same review for scripts (application/xml)
            "/processes/changes",
            "/imports",
            "/decision-tables/{model}/drafts", "/decision-tables/{model}/rollback",
            "/decision-tables/{model}/versions/{number}/{step}"
    };

    private WorkbenchPages() {
    }
}
