package com.livegov.governance.decisions.checks;

import java.util.List;

/**
 * What the checks found in a draft. A draft whose findings include a FORMAT, COMPILE, INTERFACE or PROTECTED finding
 * is refused when saved (nothing is stored); one with ANALYSIS or EXAMPLES findings is stored but cannot be submitted.
 *
 * @param findings every finding, in the order of the checks
 * @param examplesRun how many examples were evaluated
 */
public record CheckReport(List<Finding> findings, int examplesRun) {

    /** True when nothing was found: the draft may be submitted. */
    public boolean passed() {
        return findings.isEmpty();
    }

    /** True when the draft cannot even be stored as a draft of this model. */
    public boolean refusesSaving() {
        return findings.stream().anyMatch(f -> switch (f.check()) {
            case FORMAT, COMPILE, INTERFACE, PROTECTED -> true;
            case ANALYSIS, EXAMPLES -> false;
        });
    }

    /** The findings of one check. */
    public List<Finding> of(Finding.Check check) {
        return findings.stream().filter(f -> f.check() == check).toList();
    }
}
