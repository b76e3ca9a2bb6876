package com.livegov.governance.decisions;

import java.util.Map;

import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.FEELPropertyAccessible;
import org.kie.kogito.decision.DecisionModel;
import org.kie.kogito.decision.DecisionModels;
import org.springframework.stereotype.Component;

/**
 * The seam between Kogito's business-rule tasks and our decisions. Kogito's generated {@code DecisionModels}
 * compiles the models once into a static field; it is excluded from component scanning and this engine
 * takes its place, so a business-rule task evaluates the version in force in {@link DecisionCatalog}, with
 * the same input checks and the same evaluation record as the API.
 */
@Component
class GovernedDecisionModels implements DecisionModels {

    private final DecisionCatalog catalog;
    private final DecisionService decisions;

    GovernedDecisionModels(DecisionCatalog catalog, DecisionService decisions) {
        this.catalog = catalog;
        this.decisions = decisions;
    }

    @Override
    public DecisionModel getDecisionModel(String namespace, String name) {
        if (!catalog.knows(namespace, name)) {
            throw new DecisionService.UnknownDecision(name + " in " + namespace);
        }
        return new InForce(name);
    }

    /**
     * A handle on a model by name: every call uses the version in force at the process instance's business time, the
     * moment the instance started (a violation is graded with the version in force when it was reported).
     */
    private final class InForce implements DecisionModel {

        private final String name;

        InForce(String name) {
            this.name = name;
        }

        private PublishedDecision current() {
            return catalog.at(name, ProcessCallerTracker.businessTime()).orElseThrow(() -> new DecisionService.UnknownDecision(name));
        }

        @Override
        public DMNContext newContext(Map<String, Object> inputSet) {
            DMNContext context = current().runtime().newContext();
            inputSet.forEach(context::set);
            return context;
        }

        @Override
        public DMNContext newContext(FEELPropertyAccessible inputSet) {
            return newContext(inputSet.allFEELProperties());
        }

        @Override
        public DMNResult evaluateAll(DMNContext context) {
            return decisions.evaluateForProcess(current(), ProcessCallerTracker.businessTime(), context.getAll(), ProcessCallerTracker.current());
        }

        @Override
        public DMNResult evaluateDecisionService(DMNContext context, String decisionServiceName) {
            throw new UnsupportedOperationException("Decision services are not used: " + decisionServiceName);
        }

        @Override
        public DMNModel getDMNModel() {
            return current().model();
        }
    }
}
