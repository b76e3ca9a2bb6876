package com.livegov.governance.decisions.versions;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the decision versions ({@code governance.decisions.*}).
 *
 * @param owners the owner groups of each model: only they draft, submit, approve and roll back its versions
 * @param maxModelSize the largest model XML accepted from an owner
 */
@ConfigurationProperties(prefix = "governance.decisions")
public record DecisionProperties(Map<String, List<String>> owners, DataSize maxModelSize) {

    public DecisionProperties {
        owners = owners != null ? Map.copyOf(owners) : Map.of();
        maxModelSize = maxModelSize != null ? maxModelSize : DataSize.ofKilobytes(512);
    }

    /** The owner groups of a model (none for a model nobody owns: then nobody may change it). */
    public List<String> ownersOf(String model) {
        return owners.getOrDefault(model, List.of());
    }
}
