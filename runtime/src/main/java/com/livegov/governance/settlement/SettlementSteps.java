package com.livegov.governance.settlement;

import java.util.List;
import java.util.Map;

import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionOutcome;
import com.livegov.governance.decisions.DecisionService;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The automated steps of the settlement ({@code Task_OpenSettlement}, {@code Task_ComputePayouts},
 * {@code Task_DecideDirectorApproval}, {@code Task_RecordHrReview}, {@code Task_RecordDirectorDecision},
 * {@code Task_ApprovePayouts}). The first three run in the start request: a month that cannot be settled is
 * refused there and nothing is kept. The settlement's id is its process instance id.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has no
 * database and refuses to work.
 */
@Component
public class SettlementSteps {

    static final String PAYOUT_APPROVAL = "PayoutApproval";

    private final SettlementLedger ledger;
    private final CommissionFigures figures;
    private final PayoutCalculator calculator;
    private final DecisionService decisions;
    private final SettlementProperties properties;

    public SettlementSteps() {
        this(null, null, null, null, null);
    }

    @Autowired
    public SettlementSteps(SettlementLedger ledger, CommissionFigures figures, PayoutCalculator calculator, DecisionService decisions,
            SettlementProperties properties) {
        this.ledger = ledger;
        this.figures = figures;
        this.calculator = calculator;
        this.decisions = decisions;
        this.properties = properties;
    }

    /**
     * Claims the month for this settlement: a month that has ended, not being settled or settled already, with
     * an active streamer and every active streamer's figures loaded.
     */
    public void open(String month, String startedBy, KogitoProcessContext context) {
        requireWired();
        SettlementMonth settled = SettlementMonth.parse(month);
        if (!settled.hasEnded(properties.zone())) {
            throw new SettlementRefused(month + " has not ended yet; a month is settled after its last day");
        }
        if (startedBy == null || startedBy.isBlank()) {
            throw new SettlementRefused("startedBy is required: who starts the settlement");
        }
        figures.lockMonth(settled);
        ledger.claim(settlementId(context), settled, startedBy);
        List<CommissionFigures.Eligible> streamers = figures.eligible(settled);
        if (streamers.isEmpty()) {
            throw new SettlementRefused("No active streamer to settle for " + month);
        }
        Map<String, MonthlyFigures> loaded = figures.of(settled);
        List<String> missing = streamers.stream().map(CommissionFigures.Eligible::streamerId).filter(id -> !loaded.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new SettlementRefused("The figures of " + month + " are missing for " + String.join(", ", missing)
                    + "; load them first (PUT /commission-settlements/figures/" + month + "/{streamerId})");
        }
    }

    /** Every active streamer's payout from the CommissionSplit decision in force; answers the totals for HR. */
    public Map<String, Object> computePayouts(String month, KogitoProcessContext context) {
        requireWired();
        SettlementMonth settled = SettlementMonth.parse(month);
        Map<String, MonthlyFigures> loaded = figures.of(settled);
        DecisionCaller caller = caller(context);
        for (CommissionFigures.Eligible streamer : figures.eligible(settled)) {
            ledger.savePayout(settlementId(context), calculator.compute(streamer, loaded.get(streamer.streamerId()), settled,
                    settled.decisionTime(properties.zone()), caller));
        }
        SettlementLedger.Summary summary = ledger.summarize(settlementId(context));
        return Map.of("payoutCount", summary.payoutCount(), "settlementTotal", summary.total().toPlainString(),
                "largestPayout", summary.largestPayout().toPlainString());
    }

    /** The PayoutApproval decision: does the director approve this month after HR, and why. */
    public Map<String, Object> decideDirectorApproval(KogitoProcessContext context) {
        requireWired();
        SettlementLedger.Summary summary = ledger.summary(settlementId(context));
        DecisionOutcome outcome = decisions.evaluateAsOf(PAYOUT_APPROVAL,
                Map.of("settlementTotal", summary.total(), "largestPayout", summary.largestPayout()), caller(context),
                SettlementMonth.parse(String.valueOf(context.getVariable("month"))).decisionTime(properties.zone()));
        if (!(outcome.outputs().get(PAYOUT_APPROVAL) instanceof Map<?, ?> approval)
                || !(approval.get("directorApprovalRequired") instanceof Boolean required)) {
            throw new IllegalStateException("PayoutApproval gave no answer: " + outcome.outputs());
        }
        String reason = String.valueOf(approval.get("reason"));
        ledger.recordApprovalDecision(settlementId(context), outcome, required, reason);
        return Map.of("directorApprovalRequired", required, "directorApprovalReason", reason);
    }

    public void recordHrReview(Boolean approved, String comment, String reviewer, KogitoProcessContext context) {
        requireWired();
        ledger.recordHrReview(settlementId(context), Boolean.TRUE.equals(approved), comment, reviewer);
    }

    public void recordDirectorDecision(Boolean approved, String comment, String director, KogitoProcessContext context) {
        requireWired();
        ledger.recordDirectorDecision(settlementId(context), Boolean.TRUE.equals(approved), comment, director);
    }

    public void approvePayouts(KogitoProcessContext context) {
        requireWired();
        ledger.approve(settlementId(context));
    }

    private static String settlementId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private static DecisionCaller caller(KogitoProcessContext context) {
        return DecisionCaller.process(CommissionSettlement.PROCESS_ID, settlementId(context));
    }

    private void requireWired() {
        if (ledger == null) {
            throw new IllegalStateException("SettlementSteps was created without its database");
        }
    }
}
