package com.livegov.governance.workbench;

import java.util.List;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.offboarding.StreamerOffboarding;
import com.livegov.governance.onboarding.StreamerOnboarding;
import com.livegov.governance.review.PermissionReview;
import com.livegov.governance.settlement.CommissionSettlement;
import com.livegov.governance.violations.ViolationEscalation;

/** The processes the workbench offers in its filters and lists; each one's label is {@code process.name.<id>}. */
public final class GovernanceProcesses {

    public static final List<String> IDS = List.of(AccountActionApproval.PROCESS_ID, ViolationEscalation.PROCESS_ID,
            StreamerOnboarding.PROCESS_ID, StreamerOffboarding.PROCESS_ID, PermissionReview.PROCESS_ID, CommissionSettlement.PROCESS_ID);

    private GovernanceProcesses() {
    }
}
