package com.livegov.governance.performance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.decisions.DecisionCaller;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The automated steps of a streamer's monthly assessment ({@code Task_ScorePerformanceMonth},
 * {@code Task_RecordPerformanceReview}, {@code Task_OpenImprovementCase}, {@code Task_RecordImprovementDecision},
 * {@code Task_StartNegotiatedEnd}, {@code Task_CloseImprovementCase}). Scoring runs in the start request: the month's
 * run starts every streamer's assessment in one transaction. The assessment's id is its process instance id.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has no
 * database and refuses to work.
 */
@Component
public class PerformanceSteps {

    private final PerformanceFigures figures;
    private final PerformanceLedger ledger;
    private final PerformanceScorer scorer;
    private final NegotiatedEnd negotiatedEnd;
    private final AuditTrail audit;
    private final PerformanceProperties properties;

    public PerformanceSteps() {
        this(null, null, null, null, null, null);
    }

    @Autowired
    public PerformanceSteps(PerformanceFigures figures, PerformanceLedger ledger, PerformanceScorer scorer, NegotiatedEnd negotiatedEnd,
            AuditTrail audit, PerformanceProperties properties) {
        this.figures = figures;
        this.ledger = ledger;
        this.scorer = scorer;
        this.negotiatedEnd = negotiatedEnd;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * Scores the streamer's month with the PerformanceScore version in force for that month, records it with the run of
     * weak months it ends, and answers what the review and the gateway need.
     */
    public Map<String, Object> score(String month, String streamerId, String opsManager, KogitoProcessContext context) {
        requireWired();
        AssessedMonth assessed = AssessedMonth.parse(month);
        IndicatorScores scores = figures.of(assessed).get(streamerId);
        if (scores == null) {
            throw new PerformanceRefused("The scores of " + month + " are missing for " + streamerId);
        }
        String id = assessmentId(context);
        PerformanceScorer.Result result = scorer.score(scores, assessed.decisionTime(properties.zone()),
                DecisionCaller.process(PerformanceAssessment.PROCESS_ID, id));
        PerformanceLedger.Scored scored = result.scored();
        int weakMonths = ledger.weakMonths(streamerId, assessed, scored.targetMet());
        ledger.saveAssessment(id, assessed, streamerId, opsManager, scores, scored, weakMonths, result.outcome());
        Map<String, Object> answer = new HashMap<>();
        answer.put("individualScore", scored.individualScore().toPlainString());
        answer.put("combinedScore", scored.combinedScore().toPlainString());
        answer.put("target", scores.target().toPlainString());
        answer.put("targetMet", scored.targetMet());
        answer.put("grade", scored.grade());
        answer.put("weakMonths", weakMonths);
        answer.put("improvementNeeded", weakMonths >= PerformanceAssessment.WEAK_MONTHS_FOR_IMPROVEMENT);
        answer.put("decisionVersion", "PerformanceScore v" + result.outcome().versionNumber());
        return answer;
    }

    /** The ops-manager's review: who, when, and the comment the streamer sees (may be empty). */
    public void recordReview(String comment, String reviewer, KogitoProcessContext context) {
        requireWired();
        String id = assessmentId(context);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        ledger.recordReview(id, reviewer, text);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("month", context.getProcessInstance().getVariables().get("month"));
        details.put("comment", text);
        audit.record(AuditEntry.of(AuditAction.PERFORMANCE_REVIEWED, reviewer, AuditTarget.streamer(ledger.streamerOf(id)),
                "monthly performance reviewed").inProcess(id).aboutStreamer(ledger.streamerOf(id)).withDetails(details));
    }

    public void openImprovementCase(KogitoProcessContext context) {
        requireWired();
        ledger.openImprovementCase(assessmentId(context));
    }

    /**
     * HR's choice in the improvement case, recorded with who chose it and why. A negotiated end needs the figures of
     * the offboarding terms.
     */
    public void recordImprovementDecision(String choice, String note, String decidedBy, Double averageMonthlyIncome, Double annualRevenue,
            Integer requestedNonCompeteMonths, String ipInvestment, KogitoProcessContext context) {
        requireWired();
        if (choice == null || !PerformanceAssessment.CHOICES.contains(choice)) {
            throw new PerformanceRefused("choice must be one of " + PerformanceAssessment.CHOICES + ", not " + choice);
        }
        if (note == null || note.isBlank()) {
            throw new PerformanceRefused("note is required: why this choice");
        }
        if ("NEGOTIATED_END".equals(choice) && (averageMonthlyIncome == null || annualRevenue == null || requestedNonCompeteMonths == null
                || ipInvestment == null)) {
            throw new PerformanceRefused("A negotiated end needs averageMonthlyIncome, annualRevenue, requestedNonCompeteMonths and ipInvestment");
        }
        String id = assessmentId(context);
        ledger.recordImprovementDecision(id, choice, note.strip(), decidedBy);
        String streamerId = ledger.streamerOf(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("month", context.getProcessInstance().getVariables().get("month"));
        details.put("choice", choice);
        details.put("note", note.strip());
        audit.record(AuditEntry.of(AuditAction.IMPROVEMENT_DECIDED, decidedBy, AuditTarget.streamer(streamerId),
                "improvement case after three weak months: " + choice).inProcess(id).aboutStreamer(streamerId).withDetails(details));
    }

    /**
     * The negotiated end: the offboarding starts now with the departure reason {@code MUTUAL_AGREEMENT}; a streamer
     * leaving already keeps the offboarding under way, none is started twice.
     */
    public Map<String, Object> startNegotiatedEnd(String streamerId, String decidedBy, Double averageMonthlyIncome, Double annualRevenue,
            Integer requestedNonCompeteMonths, String ipInvestment, KogitoProcessContext context) {
        requireWired();
        String id = assessmentId(context);
        String offboardingId = ledger.offboardingOf(streamerId);
        if (offboardingId == null) {
            offboardingId = negotiatedEnd.start(streamerId, decidedBy,
                    new NegotiatedEnd.Terms(averageMonthlyIncome, annualRevenue, requestedNonCompeteMonths, ipInvestment));
        }
        ledger.recordOffboarding(id, offboardingId);
        return Map.of("offboardingId", offboardingId);
    }

    public void closeImprovementCase(KogitoProcessContext context) {
        requireWired();
        ledger.close(assessmentId(context));
    }

    private static String assessmentId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private void requireWired() {
        if (ledger == null) {
            throw new IllegalStateException("PerformanceSteps was created without its database");
        }
    }
}
