package com.livegov.governance.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.approval.AccountActionApproval;
import com.livegov.governance.config.AtomicProcessStart;
import com.livegov.governance.offboarding.StreamerOffboarding;
import com.livegov.governance.onboarding.StreamerOnboarding;
import com.livegov.governance.violations.ViolationEscalation;
import org.springframework.stereotype.Component;

/**
 * Work in flight for the demo, started through the real processes (the same start the API makes, then the tasks
 * completed as people would): a suspension waiting for an ops manager (level 1), a stream-key rotation waiting for
 * the director (level 2), a minor violation at its interview, an offboarding three hours into its 24-hour clock,
 * and an onboarding at legal review. Their deadlines run from the first start, as real ones would.
 */
@Component
class DemoProcesses {

    static final String ONBOARDING_STREAMER = "tang.yu";
    static final String REQUESTER = "demo-ops";

    private final AtomicProcessStart starts;
    private final DemoTasks tasks;

    DemoProcesses(AtomicProcessStart starts, DemoTasks tasks) {
        this.starts = starts;
        this.tasks = tasks;
    }

    void seed() {
        approval("SUSPEND_LIVE", "acc-maqing-main", Map.of("suspensionDays", 3),
                "Started three scheduled live sessions more than 40 minutes late this week; two brand sponsors complained");
        String rotation = approval("ROTATE_STREAM_KEY", "acc-chenhao-deals", Map.of(),
                "The stream key was shared with an outside editing agency; rotate it before the Double 12 sale");
        tasks.complete(rotation, "Level1Approval", "wang.lei", "ops-manager",
                Map.of("approved", true, "comment", "Agreed: the key has left the company"));
        violation();
        offboarding();
        onboarding();
    }

    private String approval(String action, String account, Map<String, Object> parameters, String reason) {
        Map<String, Object> request = new HashMap<>();
        request.put("action", action);
        request.put("severity", "NONE");
        request.put("accountKind", "SUB_ACCOUNT");
        request.put("subject", account);
        request.put("parameters", new HashMap<>(parameters));
        request.put("reason", reason);
        request.put("requestedBy", REQUESTER);
        return starts.start(AccountActionApproval.PROCESS_ID, request, List.of());
    }

    /** A first mention of a rival platform: minor, waiting for the ops manager's interview. */
    private void violation() {
        Map<String, Object> report = new HashMap<>();
        report.put("streamerId", "huang.ting");
        report.put("violationKind", "COMPETITOR_MENTION");
        report.put("source", "OPERATIONS");
        report.put("reportedBy", REQUESTER);
        report.put("evidence", new LinkedHashMap<>(Map.of("recording", "live-huangting-evening.mp4", "minute", 37, "seenBy", REQUESTER,
                "note", "Told viewers the same serum is cheaper in a rival platform's shop")));
        report.put("fanLossRate", 0.0);
        report.put("interactionDrop", 0.0);
        report.put("priorViolations", 0);
        report.put("diversionCount", 0);
        report.put("estimatedLoss", 0.0);
        starts.start(ViolationEscalation.PROCESS_ID, report, List.of());
    }

    /** A resignation recorded three hours after it: 21 hours left on the clock. */
    private void offboarding() {
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", "liu.yang");
        start.put("departureTime", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).truncatedTo(ChronoUnit.SECONDS).toString());
        start.put("departureReason", "RESIGNATION");
        start.put("initiatedBy", "demo-hr");
        start.put("requestedNonCompeteMonths", 12);
        start.put("averageMonthlyIncome", 18500.0);
        start.put("annualRevenue", 460000.0);
        start.put("ipInvestment", "COMPANY_FUNDED");
        starts.start(StreamerOffboarding.PROCESS_ID, start, List.of());
    }

    /** A new incubator streamer: HR has drafted enforceable terms, legal reviews them. */
    private void onboarding() {
        Map<String, Object> start = new HashMap<>();
        start.put("streamerId", ONBOARDING_STREAMER);
        start.put("displayName", "Tang Yu");
        start.put("tier", "INCUBATOR");
        start.put("category", "handicrafts");
        start.put("opsManager", "zhang.min");
        start.put("startDate", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
        start.put("subAccountHandle", "@tangyu.craft");
        start.put("initiatedBy", "demo-hr");
        start.put("terms", terms());
        String id = starts.start(StreamerOnboarding.PROCESS_ID, start, List.of());
        tasks.complete(id, "DraftContractTerms", "demo-hr", "hr", terms());
    }

    private static Map<String, Object> terms() {
        Map<String, Object> terms = new HashMap<>();
        terms.put("nonCompeteMonths", 12);
        terms.put("monthlyCompensation", 3000.0);
        terms.put("averageMonthlyIncome", 9000.0);
        terms.put("annualRevenue", 120000.0);
        terms.put("liquidatedDamagesMultiple", 2.0);
        terms.put("ipInvestment", "COMPANY_FUNDED");
        terms.put("ownershipClause", true);
        terms.put("confidentialityList", true);
        return terms;
    }
}
