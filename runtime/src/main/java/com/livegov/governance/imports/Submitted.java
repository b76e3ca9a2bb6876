package com.livegov.governance.imports;

import java.util.List;
import java.util.Map;

/**
 * What a file says about one streamer or one sub-account, before it is checked: the text of each field, and where
 * it stands in the file (the row; the column is {@code prefix} + the field's name).
 */
record Submitted(Integer row, String prefix, Map<String, String> texts) {

    Submitted {
        texts = Map.copyOf(texts);
    }

    /** The field's text, trimmed; empty when absent. */
    String text(String field) {
        return texts.getOrDefault(field, "");
    }

    String column(String field) {
        return prefix + field;
    }

    Refusal refusal(String field, String code, Object... arguments) {
        return Refusal.at(row, column(field), code, arguments);
    }

    /** A streamer as submitted, with its sub-accounts. */
    record Streamer(Submitted fields, List<Submitted> accounts) {

        Streamer {
            accounts = List.copyOf(accounts);
        }
    }
}
