package com.livegov.governance.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.livegov.governance.accounts.AccountActions;
import com.livegov.governance.accounts.ActionRecord;
import com.livegov.governance.accounts.ActionRequest;
import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.decisions.DecisionEvaluations;
import com.livegov.governance.offboarding.OffboardingTimeline;
import com.livegov.governance.performance.PerformanceRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence about one streamer, for legal: the audit entries about the streamer (with their hashes and
 * the chain's head, so the pack can be checked against the trail later), the decisions evaluated in the
 * streamer's processes with their versions and inputs, the actions on the streamer's accounts with the
 * approvals behind them, the offboarding timeline, and the monthly performance record (scores, decision versions, the
 * ops-manager's reviews and the improvement cases). Read in one repeatable-read transaction: one
 * consistent snapshot.
 */
@Service
class EvidencePacks {

    /** Everything on record about a streamer. */
    record EvidencePack(String streamerId, OffsetDateTime generatedAt, AuditChain.Head chainHead, List<RecordedEntry> auditEntries,
            List<DecisionEvaluations.Evaluation> decisions, List<AccountActionEvidence> accountActions,
            List<OffboardingTimeline.Offboarding> offboardings, List<PerformanceRecords.Month> performance) {
    }

    /** An executed account action with the approval decisions of its approval reference. */
    record AccountActionEvidence(String actionId, String action, String accountId, String actor, String reason, String approvalReference,
            List<Approval> approvals, String processInstanceId, Map<String, Object> parameters, Map<String, Object> outcome,
            OffsetDateTime executedAt) {
    }

    /** One approval level decided: by whom, when, approved or not, with the comment (from the audit trail). */
    record Approval(long auditSequence, OffsetDateTime at, String approver, String task, JsonNode approved, JsonNode comment) {
    }

    private final AuditChain chain;
    private final StreamerRegistry streamers;
    private final AccountActions actions;
    private final DecisionEvaluations evaluations;
    private final OffboardingTimeline offboardings;
    private final PerformanceRecords performance;

    EvidencePacks(AuditChain chain, StreamerRegistry streamers, AccountActions actions, DecisionEvaluations evaluations,
            OffboardingTimeline offboardings, PerformanceRecords performance) {
        this.chain = chain;
        this.streamers = streamers;
        this.actions = actions;
        this.evaluations = evaluations;
        this.offboardings = offboardings;
        this.performance = performance;
    }

    /** The streamer's evidence pack, or empty for an unknown streamer. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<EvidencePack> of(String streamerId) {
        if (!streamers.exists(streamerId)) {
            return Optional.empty();
        }
        AuditChain.Head head = chain.head();
        List<RecordedEntry> entries = chain.ofStreamer(streamerId);
        List<String> processInstances = entries.stream().map(RecordedEntry::processInstanceId).filter(Objects::nonNull).distinct().toList();
        List<AccountActionEvidence> accountActions = new ArrayList<>();
        for (Map<String, Object> account : streamers.accountsOf(streamerId)) {
            for (ActionRecord action : actions.history((String) account.get("id"))) {
                accountActions.add(evidence(action, entries));
            }
        }
        accountActions.sort(Comparator.comparing(AccountActionEvidence::executedAt).thenComparing(AccountActionEvidence::actionId));
        return Optional.of(new EvidencePack(streamerId, OffsetDateTime.now(), head, entries,
                evaluations.ofProcessInstances(processInstances), accountActions, offboardings.of(streamerId),
                performance.months(streamerId)));
    }

    private static AccountActionEvidence evidence(ActionRecord record, List<RecordedEntry> entries) {
        ActionRequest request = record.request();
        List<Approval> approvals = request.approvalReference() == null ? List.of() : entries.stream()
                .filter(e -> AuditAction.TASK_COMPLETED.name().equals(e.action()) && request.approvalReference().equals(e.processInstanceId()))
                .filter(e -> e.details().path("outputs").has("approved"))
                .map(e -> new Approval(e.sequence(), e.recordedAt(), e.actor(), e.details().path("taskName").asText(null),
                        e.details().path("outputs").get("approved"), e.details().path("outputs").get("comment")))
                .toList();
        return new AccountActionEvidence(request.actionId(), request.action().name(), request.accountId(), request.actor(), request.reason(),
                request.approvalReference(), approvals, request.processInstanceId(), request.parameters(), record.outcome(), record.executedAt());
    }
}
