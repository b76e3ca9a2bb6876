package com.livegov.governance.imports;

import java.util.List;

/**
 * One reason an uploaded file is refused, before it is put in words: where (the row as a spreadsheet numbers it,
 * the header being row 1, and the column; either may be null for the file as a whole) and what ({@code code},
 * with the values the message names). {@link ImportMessages} turns it into an {@link ImportError} in the reader's
 * language.
 */
public record Refusal(Integer row, String column, String code, List<Object> arguments) {

    public Refusal {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public static Refusal at(Integer row, String column, String code, Object... arguments) {
        return new Refusal(row, column, code, List.of(arguments));
    }

    /** About the whole file. */
    public static Refusal ofFile(String code, Object... arguments) {
        return new Refusal(null, null, code, List.of(arguments));
    }
}
