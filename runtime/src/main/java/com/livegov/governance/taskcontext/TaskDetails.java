package com.livegov.governance.taskcontext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a task asks its user to decide, in the terms of its process: codes and values, never sentences (the
 * page's message bundles turn them into words). One record per kind of process; {@code kind} names it in JSON.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TaskDetails.Approval.class, name = "APPROVAL"),
        @JsonSubTypes.Type(value = TaskDetails.ViolationCase.class, name = "VIOLATION"),
        @JsonSubTypes.Type(value = TaskDetails.Onboarding.class, name = "ONBOARDING"),
        @JsonSubTypes.Type(value = TaskDetails.OffboardingClock.class, name = "OFFBOARDING"),
        @JsonSubTypes.Type(value = TaskDetails.Settlement.class, name = "SETTLEMENT"),
        @JsonSubTypes.Type(value = TaskDetails.PermissionReview.class, name = "PERMISSION_REVIEW"),
        @JsonSubTypes.Type(value = TaskDetails.None.class, name = "NONE") })
public sealed interface TaskDetails {

    /** A process no source knows: nothing beyond the common part. */
    record None() implements TaskDetails {
    }

    /**
     * An account-action approval ({@code accountActionApproval}).
     *
     * @param action the action code ({@code SUSPEND_LIVE})
     * @param parameters its parameters ({@code suspensionDays: 2})
     * @param severity the severity the request gave ({@code NONE}, {@code MODERATE}, ...)
     * @param reason why it was requested, as typed
     * @param requestedBy who requested it
     * @param account the account it acts on
     * @param streamer the streamer authorized on the account; {@code null} for the main account
     * @param violation the violation case that requested it, with its evidence; {@code null} when none did
     * @param earlierLevels every level decided (or timed out) before, oldest first
     * @param approvalChain the ApprovalChain evaluation that set the levels; {@code null} if not recorded
     * @param route the groups and deadlines of the levels as planned ({@code level1Group}, {@code level1Deadline}, ...)
     */
    record Approval(String action, Map<String, Object> parameters, String severity, String reason, String requestedBy,
            Account account, Streamer streamer, Violation violation, List<Level> earlierLevels, Evaluation approvalChain,
            Map<String, Object> route) implements TaskDetails {

        public Approval {
            parameters = Copies.map(parameters);
            earlierLevels = List.copyOf(earlierLevels);
            route = Copies.map(route);
        }
    }

    /**
     * A task of the violation escalation ({@code violationEscalation}): the case.
     *
     * @param violation the case with its evidence and decision
     * @param streamer whose violation
     * @param approvals the account-action approvals the case requested, with their outcome
     */
    record ViolationCase(Violation violation, Streamer streamer, List<CaseApproval> approvals) implements TaskDetails {

        public ViolationCase {
            approvals = List.copyOf(approvals);
        }
    }

    /**
     * A task of the onboarding ({@code streamerOnboarding}): the contract terms draft and its enforceability.
     *
     * @param streamer the new streamer
     * @param subAccountId the sub-account to be opened
     * @param round the draft's round (1 for the first draft)
     * @param terms the drafted terms as recorded; empty before the first draft
     * @param draftedBy who drafted them
     * @param draftedAt when
     * @param enforceable the enforceability check's result; {@code null} before the first draft
     * @param problems the codes of what makes the terms unenforceable
     * @param check the OffboardingTerms evaluation behind the check
     * @param lastReview the review of the round before, when it was returned: outcome, by whom, comment
     */
    record Onboarding(Streamer streamer, String subAccountId, Integer round, Map<String, Object> terms, String draftedBy,
            Instant draftedAt, Boolean enforceable, List<String> problems, Evaluation check, Review lastReview) implements TaskDetails {

        public Onboarding {
            terms = Copies.map(terms);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    /**
     * A task of the offboarding ({@code streamerOffboarding}): the 24-hour clock.
     *
     * @param streamer who leaves
     * @param departureTime when the clock started
     * @param warningAt when the ops-manager is warned
     * @param deadlineAt when the handover must be done (the departure + 24 hours)
     * @param secondsLeft until the deadline; negative when it passed
     * @param hoursLeft whole hours until the deadline (rounded down); negative when it passed
     * @param breachedAt when the breach was recorded, if it was
     * @param accountsClosed the accounts disabled at the start
     * @param stepsDone the handover steps completed, with who and when
     */
    record OffboardingClock(Streamer streamer, Instant departureTime, Instant warningAt, Instant deadlineAt, long secondsLeft,
            long hoursLeft, Instant breachedAt, List<String> accountsClosed, List<Step> stepsDone) implements TaskDetails {

        public OffboardingClock {
            accountsClosed = List.copyOf(accountsClosed);
            stepsDone = List.copyOf(stepsDone);
        }
    }

    /**
     * A task of the commission settlement ({@code commissionSettlement}): the month's totals.
     *
     * @param month {@code 2026-10}
     * @param status the settlement's status code
     * @param streamers how many streamers are paid
     * @param total the month's total payout
     * @param largestPayout the largest single payout
     * @param directorMustApprove whether the director approves after HR (the PayoutApproval decision)
     * @param directorReason the decision's reason code, when it says so
     * @param payoutApproval the PayoutApproval evaluation
     * @param hrReview HR's review, once done
     */
    record Settlement(String month, String status, Integer streamers, BigDecimal total, BigDecimal largestPayout,
            Boolean directorMustApprove, String directorReason, Evaluation payoutApproval, Review hrReview) implements TaskDetails {
    }

    /**
     * The ops-manager's task of the permission review ({@code permissionReview}): the deviations to answer.
     *
     * @param quarter {@code 2026-Q4}
     * @param opsManager whose streamers
     * @param deviations each deviation with the number the answer names
     */
    record PermissionReview(String quarter, String opsManager, List<Deviation> deviations) implements TaskDetails {

        public PermissionReview {
            deviations = List.copyOf(deviations);
        }
    }

    /** An account of the company. */
    record Account(String id, String handle, String kind, String status, long fans, String authorizedStreamer) {
    }

    /** A streamer, as the task page names them. */
    record Streamer(String id, String name, String tier, String status, String opsManager) {
    }

    /** A recorded decision evaluation: which model, which version, which rules matched. */
    record Evaluation(long id, String decision, String version, List<String> matchedRules, Instant evaluatedAt) {

        public Evaluation {
            matchedRules = List.copyOf(matchedRules);
        }
    }

    /**
     * One level of an approval, decided or timed out.
     *
     * @param elementId the level's task element ({@code Task_Level1Approval})
     * @param taskName its task name ({@code Level1Approval})
     * @param outcome {@code APPROVED}, {@code REJECTED} or {@code TIMED_OUT} (the deadline escalated it)
     * @param decidedBy who completed it; {@code null} when it timed out
     * @param decidedAt when
     * @param comment what they wrote, as typed
     */
    record Level(String elementId, String taskName, String outcome, String decidedBy, Instant decidedAt, String comment) {
    }

    /** A violation case as recorded. */
    record Violation(String id, String streamerId, String kind, String source, String sourceReference, String severity,
            Map<String, Object> measures, BigDecimal fine, String fineStatus, Map<String, Object> evidence, String reportedBy,
            Instant reportedAt, int priorViolations, String decisionVersion, Long decisionEvaluationId, String outcome) {

        public Violation {
            measures = Copies.map(measures);
            evidence = Copies.map(evidence);
        }
    }

    /** An approval a violation case requested. */
    record CaseApproval(String processInstanceId, String action, String accountId, String outcome, Instant requestedAt) {
    }

    /** A review: its outcome code, who, when, the comment. */
    record Review(String outcome, String by, Instant at, String comment) {
    }

    /** A step done: the element, who, when. */
    record Step(String elementId, String elementName, String by, Instant at) {
    }

    /**
     * A permission deviation.
     *
     * @param number the number the ops-manager's answer names
     * @param kinds the deviation codes ({@code LEVEL_ABOVE_BASELINE}, {@code DATA_EXPORT_NOT_ALLOWED}, {@code ACCOUNT_NOT_ACTIVE})
     */
    record Deviation(int number, String streamerId, String tier, String accountId, String accountKind, String accountStatus,
            String level, boolean dataExport, String expectedLevel, boolean dataExportAllowed, List<String> kinds,
            String decisionVersion, String answer) {

        public Deviation {
            kinds = List.copyOf(kinds);
        }
    }
}
