package com.livegov.governance.decisions.checks;

import org.springframework.stereotype.Component;

/** Runs every check on a draft of a decision model against the version in force. */
@Component
public class DraftChecks {

    /**
     * @param inForceXml the XML of the version the draft started from (the one in force)
     * @param draftXml the draft's XML
     * @param examplesCsv the draft's examples (header: inputs, expected outputs, {@code rule}); may be empty
     */
    public CheckReport check(String inForceXml, String draftXml, String examplesCsv) {
        throw new UnsupportedOperationException("DraftChecks is being built");
    }
}
