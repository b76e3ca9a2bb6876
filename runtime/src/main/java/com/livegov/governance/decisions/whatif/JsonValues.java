package com.livegov.governance.decisions.whatif;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares outputs as recorded with outputs as replayed: numbers by value (2000 equals 2000.00), structures deeply. */
final class JsonValues {

    private JsonValues() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || a.isMissingNode() || a.isNull()) {
            return b == null || b.isMissingNode() || b.isNull();
        }
        if (b == null || b.isMissingNode() || b.isNull()) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            return sameFields(a, b) && sameFields(b, a);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Every field of {@code a} is the same in {@code b} (a field that is null counts as absent). */
    private static boolean sameFields(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!same(field.getValue(), b.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
