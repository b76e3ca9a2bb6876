package com.livegov.governance.start;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a submitted form: per field, the key of the message (in {@code messages/start*}) and its
 * arguments; and, when the process refused the start, the refusal's own words. The checks read the text as typed
 * and answer the value, so a form is checked and converted in one pass.
 */
final class FormErrors {

    /** One field's error: the message key and its arguments. */
    record FieldError(String key, Object[] args) {
    }

    private final Map<String, FieldError> fields = new LinkedHashMap<>();
    private String refusal;
    private boolean conflict;

    public boolean isEmpty() {
        return fields.isEmpty() && refusal == null;
    }

    /** The errors by field name, in the order of the form. */
    public Map<String, FieldError> getFields() {
        return fields;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public FieldError get(String field) {
        return fields.get(field);
    }

    /** The process's own words when it refused the start (null otherwise). */
    public String getRefusal() {
        return refusal;
    }

    boolean conflict() {
        return conflict;
    }

    void add(String field, String key, Object... args) {
        fields.putIfAbsent(field, new FieldError(key, args));
    }

    void refused(StartRefused refused, String field, String key, Object... args) {
        this.refusal = refused.getMessage();
        this.conflict = refused.conflict();
        if (field != null) {
            add(field, key, args);
        }
    }

    /** The trimmed text, or an error when it is missing or longer than {@code max}. */
    String text(String field, String value, int max) {
        String text = optionalText(field, value, max);
        if (text == null) {
            add(field, "start.error.required");
        }
        return text;
    }

    /** The trimmed text, null when empty, or an error when longer than {@code max}. */
    String optionalText(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            add(field, "start.error.tooLong", max);
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** The value when it is one of the choices, else an error. */
    String choice(String field, String value, Collection<String> choices) {
        if (value == null || value.isBlank()) {
            add(field, "start.error.required");
            return null;
        }
        if (!choices.contains(value)) {
            add(field, "start.error.choice");
            return null;
        }
        return value;
    }

    /** A whole number of at least {@code min}, or an error. */
    Integer wholeNumber(String field, String value, int min) {
        if (value == null || value.isBlank()) {
            add(field, "start.error.required");
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min) {
                add(field, "start.error.atLeast", min);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            add(field, "start.error.wholeNumber");
            return null;
        }
    }

    /** A decimal number of at least zero (an amount, a percentage), or an error. */
    BigDecimal amount(String field, String value) {
        return decimal(field, value, true);
    }

    /** A decimal number, which may be negative (a change), or an error. */
    BigDecimal decimal(String field, String value, boolean notNegative) {
        if (value == null || value.isBlank()) {
            add(field, "start.error.required");
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (notNegative && number.signum() < 0) {
                add(field, "start.error.notNegative");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            add(field, "start.error.number");
            return null;
        }
    }
}
