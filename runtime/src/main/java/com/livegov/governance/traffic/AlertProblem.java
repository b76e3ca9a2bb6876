package com.livegov.governance.traffic;

/** A traffic alert that is not accepted: why, and the HTTP status that says so. */
class AlertProblem extends RuntimeException {

    /** Why. */
    enum Kind {
        /** Missing or malformed metrics, or a period that ends before it starts. */
        INVALID,
        /** The streamer, or the alert asked for, is not known. */
        NOT_FOUND,
        /** The period was already reported with other metrics. */
        CONFLICT,
        /** The metrics call for an investigation that cannot be opened (an offboarded streamer). */
        NOT_INVESTIGABLE
    }

    private final Kind kind;
    private final String field;

    AlertProblem(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    Kind kind() {
        return kind;
    }

    /** The field at fault, if one is. */
    String field() {
        return field;
    }
}
