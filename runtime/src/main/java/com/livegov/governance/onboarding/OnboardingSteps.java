package com.livegov.governance.onboarding;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.accounts.AccountActions;
import com.livegov.governance.accounts.ActionRequest;
import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.decisions.DecisionCaller;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The automated steps of the onboarding ({@code processes/streamerOnboarding.bpmn}): register the streamer
 * ({@code Task_RegisterStreamer}, in the start request: bad data answers 400 and leaves nothing), check the
 * drafted terms ({@code Task_CheckTerms}), record each review, store the signed contract, open the sub-account,
 * determine and store the backups, activate the streamer.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has
 * none of its collaborators and refuses to work.
 */
@Component
public class OnboardingSteps {

    static final Duration LEGAL_REVIEW_DEADLINE = Duration.ofHours(48);
    private static final String ACTOR = "process:" + StreamerOnboarding.PROCESS_ID;

    private final Collaborators with;
    private final Duration legalReviewDeadline;
    private final boolean allowDeadlineOverride;

    /** What the steps work with. */
    record Collaborators(StreamerRegistry registry, ContractRecords records, EnforceabilityCheck enforceability,
            BackupAssignment backups, AccountActions accounts) {
    }

    public OnboardingSteps() {
        this.with = null;
        this.legalReviewDeadline = LEGAL_REVIEW_DEADLINE;
        this.allowDeadlineOverride = false;
    }

    @Autowired
    public OnboardingSteps(StreamerRegistry registry, ContractRecords records, EnforceabilityCheck enforceability, BackupAssignment backups,
            AccountActions accounts,
            @Value("${governance.onboarding.legal-review-deadline:PT48H}") Duration legalReviewDeadline,
            @Value("${governance.onboarding.allow-deadline-override:false}") boolean allowDeadlineOverride) {
        this.with = new Collaborators(registry, records, enforceability, backups, accounts);
        this.legalReviewDeadline = legalReviewDeadline;
        this.allowDeadlineOverride = allowDeadlineOverride;
    }

    /**
     * Registers the streamer as ONBOARDING and checks the request: every field, the first draft of the terms,
     * a free streamer id and sub-account handle. Answers the legal review's deadline, the sub-account's id and
     * the draft's terms, one by one, for the process variables.
     */
    public Map<String, Object> register(String streamerId, String displayName, String tier, String category, String opsManager,
            String startDate, String subAccountHandle, String initiatedBy, Map<String, Object> terms, Map<String, Object> requestedDeadlines,
            KogitoProcessContext context) {
        StreamerProposal streamer = StreamerProposal.of(streamerId, displayName, tier, category, opsManager, startDate, subAccountHandle,
                initiatedBy);
        ContractTerms draft = ContractTerms.from(terms);
        if (with().registry().exists(streamer.streamerId())) {
            throw new OnboardingRefused("A streamer " + streamer.streamerId() + " already exists");
        }
        try {
            with().registry().register(streamer.onboarding());
        } catch (DuplicateKeyException e) {
            throw new OnboardingRefused("A streamer " + streamer.streamerId() + " already exists");
        }
        with().accounts().verify(AccountAction.OPEN_SUB_ACCOUNT, streamer.subAccountId(),
                subAccount(streamer.streamerId(), streamer.subAccountHandle()));
        with().records().started(processInstanceId(context), streamer);
        Map<String, Object> registered = new LinkedHashMap<>(draft.toMap());
        registered.put("legalReviewDeadline", deadline(requestedDeadlines).toString());
        registered.put("subAccountId", streamer.subAccountId());
        return registered;
    }

    /** Checks HR's draft with the OffboardingTerms decision and records it as the next round. */
    public Map<String, Object> checkTerms(String streamerId, Integer nonCompeteMonths, Double monthlyCompensation, Double averageMonthlyIncome,
            Double annualRevenue, Double liquidatedDamagesMultiple, String ipInvestment, Boolean ownershipClause, Boolean confidentialityList,
            String draftedBy, KogitoProcessContext context) {
        ContractTerms terms = new ContractTerms(nonCompeteMonths, monthlyCompensation, averageMonthlyIncome, annualRevenue,
                liquidatedDamagesMultiple, ipInvestment, ownershipClause, confidentialityList).complete();
        EnforceabilityCheck.Verdict verdict = with().enforceability().check(terms, caller(context));
        int round = with().records().drafted(processInstanceId(context), terms, required(draftedBy, "draftedBy"), verdict);
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("round", round);
        check.put("enforceable", verdict.enforceable());
        check.put("reasons", String.join("\n", verdict.problems()));
        check.put("summary", verdict.summary());
        check.put("evaluationId", verdict.evaluationId());
        return check;
    }

    /** Records legal's (or the director's) review of the latest draft; a returned draft goes back to HR with the comment. */
    public Map<String, Object> recordReview(String step, String reviewDecision, String reviewComment, String reviewedBy,
            KogitoProcessContext context) {
        boolean approved = "APPROVE".equals(reviewDecision);
        with().records().reviewed(processInstanceId(context), step, approved, required(reviewedBy, "reviewedBy"), reviewComment);
        String reviewer = "DIRECTOR_REVIEW".equals(step) ? "the director" : "legal";
        return Map.of("approved", approved, "returnReasons", approved ? "" : "Returned by " + reviewedBy + " (" + reviewer + "): " + reviewComment);
    }

    /** Stores the approved draft as the contract the streamer signed. */
    public Map<String, Object> recordSignature(String streamerId, Boolean contractAccepted, String signature, String signedBy,
            KogitoProcessContext context) {
        if (!Boolean.TRUE.equals(contractAccepted) || !streamerId.equals(signedBy)) {
            throw new IllegalStateException("The contract of " + streamerId + " was not accepted by the streamer (" + signedBy + ")");
        }
        return with().records().signed(processInstanceId(context), signedBy, required(signature, "signature"));
    }

    /** Opens the streamer's sub-account ({@code STREAMER_BASIC}, no data export) through the recorded account actions. */
    public Map<String, Object> provisionSubAccount(String streamerId, String subAccountId, String subAccountHandle, KogitoProcessContext context) {
        String onboarding = processInstanceId(context);
        return with().accounts().execute(new ActionRequest("onboarding:" + onboarding + ":" + AccountAction.OPEN_SUB_ACCOUNT,
                AccountAction.OPEN_SUB_ACCOUNT, subAccountId, ACTOR, "onboarding: contract signed by " + streamerId, onboarding, onboarding,
                subAccount(streamerId, subAccountHandle))).outcome();
    }

    /** How many backups the streamer's tier needs (the BackupStreamers decision), and who could be one. */
    public Map<String, Object> determineBackups(String streamerId, String tier, KogitoProcessContext context) {
        return with().backups().requirement(streamerId, tier, caller(context));
    }

    /** Stores the backups operations named (checked again: the task's check and this step see the same rules). */
    public Map<String, Object> recordBackups(String streamerId, List<String> backupIds, Map<String, Object> backupRequirement,
            String backupsAssignedBy, KogitoProcessContext context) {
        List<String> problems = with().backups().problems(streamerId, backupIds, backupRequirement);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The backups of " + streamerId + " cannot be stored: " + problems);
        }
        List<String> named = backupIds == null ? List.of() : backupIds;
        for (int rank = 1; rank <= named.size(); rank++) {
            with().registry().assignBackup(streamerId, named.get(rank - 1), rank, backupsAssignedBy);
        }
        return Map.of("backups", named.size());
    }

    /** The training is done: the streamer is active. */
    public Map<String, Object> activate(String streamerId, Boolean trainingCompleted, KogitoProcessContext context) {
        if (!Boolean.TRUE.equals(trainingCompleted)) {
            throw new IllegalStateException(streamerId + " has not completed the training");
        }
        with().registry().changeStatus(streamerId, "ACTIVE");
        with().records().activated(processInstanceId(context));
        return Map.of("status", "ACTIVE");
    }

    private Duration deadline(Map<String, Object> requested) {
        Object value = requested == null ? null : requested.get("legalReviewDeadline");
        if (!allowDeadlineOverride || value == null) {
            return legalReviewDeadline;
        }
        try {
            return Duration.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new OnboardingRefused("legalReviewDeadline is not an ISO-8601 duration: " + value);
        }
    }

    private static Map<String, Object> subAccount(String streamerId, String handle) {
        return Map.of("streamerId", streamerId, "handle", handle);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The onboarding step has no " + name);
        }
        return value;
    }

    private static DecisionCaller caller(KogitoProcessContext context) {
        return DecisionCaller.process(StreamerOnboarding.PROCESS_ID, processInstanceId(context));
    }

    private static String processInstanceId(KogitoProcessContext context) {
        return context.getProcessInstance().getStringId();
    }

    private Collaborators with() {
        if (with == null) {
            throw new IllegalStateException("OnboardingSteps was created without its collaborators");
        }
        return with;
    }
}
