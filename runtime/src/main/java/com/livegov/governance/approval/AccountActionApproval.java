package com.livegov.governance.approval;

/**
 * The reusable multi-level approval of an account action ({@code processes/accountActionApproval.bpmn}).
 */
public final class AccountActionApproval {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "accountActionApproval";

    private AccountActionApproval() {
    }
}
