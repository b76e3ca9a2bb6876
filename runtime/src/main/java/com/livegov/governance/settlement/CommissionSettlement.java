package com.livegov.governance.settlement;

/** The monthly commission settlement ({@code processes/commissionSettlement.bpmn}). */
public final class CommissionSettlement {

    /** The process id, equal to the BPMN file name. */
    public static final String PROCESS_ID = "commissionSettlement";

    private CommissionSettlement() {
    }
}
