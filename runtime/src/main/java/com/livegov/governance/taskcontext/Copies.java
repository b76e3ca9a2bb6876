package com.livegov.governance.taskcontext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only copies of recorded JSON-like maps, which may hold {@code null} values ({@link Map#copyOf} refuses them). */
final class Copies {

    private Copies() {
    }

    static Map<String, Object> map(Map<String, ?> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
