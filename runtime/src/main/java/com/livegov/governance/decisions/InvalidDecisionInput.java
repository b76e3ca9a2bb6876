package com.livegov.governance.decisions;

/**
 * A decision was asked with an input it cannot take: missing, of the wrong type, outside its allowed values,
 * or not an input of the model at all.
 */
public class InvalidDecisionInput extends RuntimeException implements com.livegov.governance.config.RefusedRequest {

    private final String decision;
    private final String input;

    InvalidDecisionInput(String decision, String input, String message) {
        super(message);
        this.decision = decision;
        this.input = input;
    }

    public String decision() {
        return decision;
    }

    /** The offending input's name. */
    public String input() {
        return input;
    }
}
