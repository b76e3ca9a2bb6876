package com.livegov.governance.performance;

import java.util.List;

import com.livegov.governance.config.RefusedRequest;

/**
 * A figures load, an assessment start or a task answer that cannot be accepted as asked: an unreadable or unfinished
 * month, an unknown streamer, a missing or out-of-range score, an unknown choice. The API answers 400 and nothing is
 * kept.
 */
public class PerformanceRefused extends RuntimeException implements RefusedRequest {

    /** One refused field of a request. */
    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    PerformanceRefused(String message) {
        this(message, List.of());
    }

    PerformanceRefused(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The refused fields, when the refusal is about fields of the request. */
    public List<FieldError> errors() {
        return errors;
    }
}
