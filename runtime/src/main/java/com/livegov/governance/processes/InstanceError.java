package com.livegov.governance.processes;

import java.util.regex.Pattern;

/**
 * Why a process instance failed, in words: the step that failed and the message of the deepest cause, without
 * exception class names or stack traces.
 */
public record InstanceError(String elementId, String stepName, String message) {

    /** jBPM's prefix naming where it happened: {@code [process:instance - node:3] -- }. */
    private static final Pattern WHERE_PREFIX = Pattern.compile("^\\[[^\\]]*\\]\\s*--\\s*");
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)?:\\s*");
    private static final int LONGEST_MESSAGE = 300;

    /** The readable part of an error message: class-name prefixes taken off, the first line only, shortened. */
    static String inWords(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        for (int i = 0; i < 5 && (CLASS_PREFIX.matcher(text).find() || WHERE_PREFIX.matcher(text).find()); i++) {
            text = WHERE_PREFIX.matcher(CLASS_PREFIX.matcher(text).replaceFirst("")).replaceFirst("");
        }
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        return text.length() > LONGEST_MESSAGE ? text.substring(0, LONGEST_MESSAGE) + "…" : text;
    }

    /** The message of the deepest cause that has one, else the error's own message. */
    static String deepestMessage(Throwable cause, String fallback) {
        String message = null;
        for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return inWords(message != null ? message : fallback);
    }
}
