package com.livegov.governance.decisions.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A literal expression whose text is a FEEL context ({@code { base: ..., total: ... }}) is a calculation written out
 * in text: the same thing as a boxed context, kept out of business editing. This splits such a text into its
 * entries so a change can be named entry by entry.
 */
final class FeelContextText {

    private FeelContextText() {
    }

    /** True when the expression is a context: its text starts with a brace. */
    static boolean isContext(String text) {
        return text.strip().startsWith("{");
    }

    /**
     * The top-level entries, name to expression (whitespace runs collapsed), or empty when the text is not a single
     * context literal that this simple reading understands (then the text is compared as a whole).
     */
    static Optional<Map<String, String>> entries(String text) {
        String body = text.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            return Optional.empty();
        }
        body = body.substring(1, body.length() - 1);
        Map<String, String> entries = new LinkedHashMap<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '{', '[', '(' -> depth++;
                case '}', ']', ')' -> depth--;
                case ',' -> {
                    if (depth == 0) {
                        if (!addEntry(body.substring(start, Math.min(i, body.length())), entries)) {
                            return Optional.empty();
                        }
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
            if (depth < 0) {
                return Optional.empty();
            }
        }
        return depth == 0 && !quoted ? Optional.of(entries) : Optional.empty();
    }

    private static boolean addEntry(String entry, Map<String, String> entries) {
        if (entry.isBlank()) {
            return entries.isEmpty();
        }
        int colon = entry.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String name = entry.substring(0, colon).strip();
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
            name = name.substring(1, name.length() - 1);
        }
        return entries.putIfAbsent(name, entry.substring(colon + 1).strip().replaceAll("\\s+", " ")) == null;
    }
}
