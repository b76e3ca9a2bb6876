package com.livegov.governance.decisions.versions;

import java.util.List;

import com.livegov.governance.decisions.checks.Finding;
import org.springframework.http.HttpStatus;

/**
 * A step on a decision version that is not allowed: answered with {@code status} and a problem document whose detail is
 * the message {@code decisionVersion.<code>} with {@code argument} as {0} (the model, a size...); nothing has changed.
 */
public class DecisionChangeRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String argument;
    private final List<Finding> findings;

    public DecisionChangeRefused(HttpStatus status, String code, String argument) {
        this(status, code, argument, List.of());
    }

    public DecisionChangeRefused(HttpStatus status, String code, String argument, List<Finding> findings) {
        super(code + ": " + argument);
        this.status = status;
        this.code = code;
        this.argument = argument;
        this.findings = List.copyOf(findings);
    }

    /** The message key of the refusal. */
    public String messageKey() {
        return "decisionVersion." + code;
    }

    public String argument() {
        return argument;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Finding> findings() {
        return findings;
    }
}
