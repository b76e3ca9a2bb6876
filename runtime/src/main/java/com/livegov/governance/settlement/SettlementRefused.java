package com.livegov.governance.settlement;

import java.util.List;

import com.livegov.governance.config.RefusedRequest;

/**
 * A settlement or a figures load that cannot be accepted as asked: an unreadable or unfinished month, an unknown
 * streamer, missing or negative figures. The API answers 400 and nothing is kept.
 */
public class SettlementRefused extends RuntimeException implements RefusedRequest {

    /** One refused field of a request. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    SettlementRefused(String message) {
        this(message, List.of());
    }

    SettlementRefused(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** The refused fields, when the refusal is about fields of the request. */
    public List<FieldError> errors() {
        return errors;
    }
}
