package com.livegov.governance.decisions;

import java.util.List;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * One version of a decision model, compiled: the version every evaluation is recorded under.
 *
 * @param name the model name ({@code CommissionSplit})
 * @param namespace the model's fixed namespace
 * @param version the SHA-256 of the model's XML: the same table gives the same version on every instance
 * @param number the version's number among the model's versions (0 for a draft or a model not from the catalog)
 * @param source where the model came from
 * @param model the compiled model
 * @param runtime the engine that evaluates it
 * @param inputs the model's inputs, read once for the input check
 */
public record PublishedDecision(String name, String namespace, String version, int number, String source, DMNModel model,
        DMNRuntime runtime, List<DecisionInputs.Input> inputs) {

    /** The same compiled model as another numbered version (a rollback puts an earlier XML back under a new number). */
    PublishedDecision numbered(int versionNumber, String versionSource) {
        return new PublishedDecision(name, namespace, version, versionNumber, versionSource, model, runtime, inputs);
    }
}
