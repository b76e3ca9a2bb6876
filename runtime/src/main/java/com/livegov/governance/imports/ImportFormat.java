package com.livegov.governance.imports;

import java.util.Optional;

import org.springframework.http.MediaType;

/** The forms an import file may take. */
public enum ImportFormat {
    /** {@code text/csv}, UTF-8: one row per sub-account. */
    CSV,
    /** {@code application/json}: {@code {"streamers": [...]}} with the sub-accounts inside each streamer. */
    JSON;

    /** The format of a request's or an upload's content type, if it is one of ours. */
    public static Optional<ImportFormat> of(MediaType type) {
        if (type == null) {
            return Optional.empty();
        }
        if (type.isCompatibleWith(new MediaType("text", "csv"))) {
            return Optional.of(CSV);
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    /** The format a file name suggests ({@code .csv}, {@code .json}), for uploads from a page. */
    public static Optional<ImportFormat> ofFileName(String name) {
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".csv") ? Optional.of(CSV) : lower.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
    }
}
