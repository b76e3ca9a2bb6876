package com.livegov.governance.decisions.checks;

import java.util.List;

/**
 * One thing a check found in a draft, in words the page and the API render from the message bundles:
 * {@code decisionCheck.<code>} with {@code args} as {0}, {1}, ...
 *
 * @param check which check found it
 * @param code the message code (the key without its {@code decisionCheck.} prefix)
 * @param args the message's arguments (names, labels, values), already as text
 * @param element the id of the model element concerned (a decision, an input, a rule), or null
 */
public record Finding(Check check, String code, List<String> args, String element) {

    /** The checks, in the order they run. */
    public enum Check {
        /** The file is DMN 1.3 XML of this model (name and namespace). */
        FORMAT,
        /** It compiles without errors. */
        COMPILE,
        /** Inputs and outputs that processes and callers rely on are unchanged. */
        INTERFACE,
        /** The parts kept out of business editing (boxed contexts, item definitions) are unchanged. */
        PROTECTED,
        /** Drools' decision-table analysis: gaps, overlaps in UNIQUE tables, masked rules. */
        ANALYSIS,
        /** The model's examples pass. */
        EXAMPLES
    }

    /** The message bundle key of this finding. */
    public String messageKey() {
        return "decisionCheck." + code;
    }
}
