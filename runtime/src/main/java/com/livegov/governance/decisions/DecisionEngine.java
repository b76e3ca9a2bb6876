package com.livegov.governance.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNResult;

/**
 * The decision engine for code outside this package that works on versions rather than on the version in force:
 * compiles a model's XML the way the catalog does, and evaluates a compiled model without recording anything
 * (the what-if replay of a draft, the examples of a draft).
 */
public final class DecisionEngine {

    private DecisionEngine() {
    }

    /**
     * Compiles one model.
     *
     * @throws IllegalStateException with the engine's messages when the XML does not compile or the model has errors
     */
    public static PublishedDecision compile(String source, String xml) {
        return DecisionCatalog.compile(source, xml);
    }

    /** One evaluation that is not recorded: the outputs by decision name, the matched rule ids, the errors. */
    public record Trial(Map<String, Object> outputs, List<String> matchedRules, List<String> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    /**
     * Evaluates every decision of a compiled model on inputs as they were recorded (JSON numbers, strings, booleans),
     * converted to the model's declared types as a live evaluation converts them; nothing is recorded.
     *
     * @throws InvalidDecisionInput when an input does not fit the model
     */
    public static Trial trial(PublishedDecision decision, Map<String, ?> inputs) {
        List<String> matched = new ArrayList<>();
        DMNResult result = DecisionService.evaluate(decision, DecisionInputs.checkDeclared(decision, inputs), matched);
        List<String> errors = result.getMessages(DMNMessage.Severity.ERROR).stream().map(DMNMessage::getText).toList();
        return new Trial(errors.isEmpty() ? DecisionService.outputs(result) : Map.of(), matched, errors);
    }
}
