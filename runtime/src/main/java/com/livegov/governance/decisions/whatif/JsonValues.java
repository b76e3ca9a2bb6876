package com.livegov.governance.decisions.whatif;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares outputs as recorded (JSON) with outputs as the draft decides them (the engine's values): numbers by
 * value (2000 equals 2000.00), structures deeply, a null field as an absent one. The engine's usual values
 * (numbers, strings, booleans, contexts as maps, lists) are compared as they are; any other value is first turned
 * into JSON the way the evaluation was recorded.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** Whether the recorded JSON and the engine's value are the same; {@code toJson} turns other values into JSON. */
    static boolean same(JsonNode recorded, Object value, Function<Object, JsonNode> toJson) {
        if (value == null || isNull(recorded)) {
            return value == null && isNull(recorded);
        }
        if (value instanceof BigDecimal number) {
            return recorded.isNumber() && recorded.decimalValue().compareTo(number) == 0;
        }
        if (value instanceof Number number) {
            return recorded.isNumber() && recorded.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        if (value instanceof String text) {
            return recorded.isTextual() && recorded.textValue().equals(text);
        }
        if (value instanceof Boolean bool) {
            return recorded.isBoolean() && recorded.booleanValue() == bool;
        }
        if (value instanceof Map<?, ?> map) {
            return recorded.isObject() && sameFields(recorded, map, toJson);
        }
        if (value instanceof Collection<?> list) {
            if (!recorded.isArray() || recorded.size() != list.size()) {
                return false;
            }
            int i = 0;
            for (Object element : list) {
                if (!same(recorded.get(i++), element, toJson)) {
                    return false;
                }
            }
            return true;
        }
        return same(recorded, toJson.apply(value));
    }

    private static boolean sameFields(JsonNode recorded, Map<?, ?> map, Function<Object, JsonNode> toJson) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!same(recorded.get(String.valueOf(entry.getKey())), entry.getValue(), toJson)) {
                return false;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = recorded.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!isNull(field.getValue()) && !map.containsKey(field.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** Whether two JSON values are the same, numbers by value. */
    static boolean same(JsonNode a, JsonNode b) {
        if (isNull(a) || isNull(b)) {
            return isNull(a) && isNull(b);
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

    /** Every field of {@code a} is the same in {@code b}. */
    private static boolean sameFields(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!same(field.getValue(), b.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }
}
