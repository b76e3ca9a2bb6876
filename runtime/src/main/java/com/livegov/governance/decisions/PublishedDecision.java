package com.livegov.governance.decisions;

import java.util.List;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * One decision model as it is in force: its compiled form and the version every evaluation is recorded under.
 *
 * @param name the model name ({@code CommissionSplit})
 * @param namespace the model's fixed namespace
 * @param version the SHA-256 of the model's XML: the same table gives the same version on every instance
 * @param source where the model came from
 * @param model the compiled model
 * @param runtime the engine that evaluates it
 * @param inputs the model's inputs, read once for the input check
 */
public record PublishedDecision(String name, String namespace, String version, String source, DMNModel model, DMNRuntime runtime,
        List<DecisionInputs.Input> inputs) {
}
