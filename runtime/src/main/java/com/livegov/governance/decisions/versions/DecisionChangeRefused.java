package com.livegov.governance.decisions.versions;

import java.util.List;

import com.livegov.governance.decisions.checks.Finding;
import org.springframework.http.HttpStatus;

/**
 * A step on a decision version that is not allowed: answered with {@code status} and a problem document whose detail is
 * the message {@code decisionVersion.<code>}; nothing has changed.
 */
public class DecisionChangeRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<Finding> findings;

    public DecisionChangeRefused(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public DecisionChangeRefused(HttpStatus status, String code, String detail, List<Finding> findings) {
        super(detail);
        this.status = status;
        this.code = code;
        this.findings = findings;
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
