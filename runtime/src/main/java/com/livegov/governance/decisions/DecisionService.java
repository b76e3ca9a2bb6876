package com.livegov.governance.decisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way into the decision models, for the API and for processes: checks the inputs against the model,
 * evaluates the version in force, and records the evaluation with its matched rules and caller.
 */
@Service
public class DecisionService {

    private final DecisionCatalog catalog;
    private final DecisionEvaluations evaluations;

    DecisionService(DecisionCatalog catalog, DecisionEvaluations evaluations) {
        this.catalog = catalog;
        this.evaluations = evaluations;
    }

    /**
     * Evaluates every decision of the named model.
     *
     * @throws UnknownDecision when no model has that name
     * @throws InvalidDecisionInput when an input is missing, of the wrong type or not allowed
     * @throws DecisionFailed when the model cannot decide (for example no rule matches)
     */
    @Transactional
    public DecisionOutcome evaluate(String name, Map<String, ?> inputs, DecisionCaller caller) {
        Instant now = now();
        return evaluate(name, inputs, caller, now, now, false);
    }

    /**
     * Evaluates with the version that was in force at a business time (a settled month's last day, when a case was
     * reported), not the one in force now.
     *
     * @throws UnknownDecision also when no version of the model was in force then
     */
    @Transactional
    public DecisionOutcome evaluateAsOf(String name, Map<String, ?> inputs, DecisionCaller caller, Instant asOf) {
        return evaluate(name, inputs, caller, asOf, null, false);
    }

    /**
     * Evaluates for a request that does nothing else (the decisions API): the same checks and record as
     * {@link #evaluate}, but the record is one statement of its own, chained into the audit trail by the sealer
     * rather than at once, so such requests do not wait on one another for the chain's lock.
     */
    public DecisionOutcome evaluateStandalone(String name, Map<String, ?> inputs, DecisionCaller caller) {
        Instant now = now();
        return evaluate(name, inputs, caller, now, now, true);
    }

    /** As {@link #evaluateStandalone(String, Map, DecisionCaller)}, with the version in force at {@code asOf}. */
    public DecisionOutcome evaluateStandalone(String name, Map<String, ?> inputs, DecisionCaller caller, Instant asOf) {
        return evaluate(name, inputs, caller, asOf, null, true);
    }

    /**
     * @param evaluatedAt the instant recorded as the evaluation's time: for an evaluation of now, the very instant the
     *        version was chosen at (so the record never shows a version outside its period, however long the evaluation
     *        takes); null for one at a business time, recorded when it happens
     */
    private DecisionOutcome evaluate(String name, Map<String, ?> inputs, DecisionCaller caller, Instant asOf, Instant evaluatedAt,
            boolean standalone) {
        PublishedDecision decision = catalog.at(name, asOf).orElseThrow(() -> new UnknownDecision(name));
        Evaluation evaluation = evaluateAndRecord(decision, asOf, evaluatedAt, DecisionInputs.check(decision, inputs), caller, standalone);
        if (evaluation.outcome() == null) {
            throw new DecisionFailed(name, evaluation.result().getMessages(DMNMessage.Severity.ERROR).stream().map(DMNMessage::getText).toList());
        }
        return evaluation.outcome();
    }

    /**
     * Evaluates for a business-rule task: the same input check and record as {@link #evaluate}; a failed
     * evaluation is returned unrecorded, and Kogito fails the task with its messages.
     */
    DMNResult evaluateForProcess(PublishedDecision decision, Instant asOf, Map<String, ?> inputs, DecisionCaller caller) {
        return evaluateAndRecord(decision, asOf, null, DecisionInputs.checkDeclared(decision, inputs), caller, false).result();
    }

    /** The engine's result, and the recorded outcome when the evaluation succeeded (null when it failed). */
    private record Evaluation(DMNResult result, DecisionOutcome outcome) {
    }

    private Evaluation evaluateAndRecord(PublishedDecision decision, Instant asOf, Instant evaluatedAt, Map<String, Object> typedInputs,
            DecisionCaller caller, boolean standalone) {
        List<String> matchedRules = new ArrayList<>();
        DMNResult result = evaluate(decision, typedInputs, matchedRules);
        DecisionOutcome outcome = result.hasErrors() ? null
                : evaluations.record(decision, asOf, evaluatedAt, typedInputs, outputs(result), matchedRules, caller, standalone);
        return new Evaluation(result, outcome);
    }

    /** Now, to the microsecond the database keeps: the instant a version is chosen at is the instant recorded. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The models in force. */
    public Collection<DecisionSummary> models() {
        return catalog.all().stream().map(d -> new DecisionSummary(d.name(), d.namespace(), d.version(), d.number())).toList();
    }

    static DMNResult evaluate(PublishedDecision decision, Map<String, Object> inputs, List<String> matchedRules) {
        DMNContext context = decision.runtime().newContext();
        inputs.forEach(context::set);
        return MatchedRules.collect(matchedRules, () -> decision.runtime().evaluateAll(decision.model(), context));
    }

    static Map<String, Object> outputs(DMNResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (DMNDecisionResult decisionResult : result.getDecisionResults()) {
            outputs.put(decisionResult.getDecisionName(), decisionResult.getResult());
        }
        return outputs;
    }

    /** A model in force: name, namespace, version (hash) and its number. */
    public record DecisionSummary(String name, String namespace, String version, int versionNumber) {
    }

    /** No decision model has this name. */
    public static class UnknownDecision extends RuntimeException {
        UnknownDecision(String name) {
            super("No decision named " + name);
        }
    }

    /** The model could not decide for these inputs. */
    public static class DecisionFailed extends RuntimeException {
        DecisionFailed(String name, List<String> errors) {
            super(name + " could not decide: " + String.join("; ", errors));
        }
    }
}
