package com.livegov.governance.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The byte-exact form an audit entry is hashed in, so that verification, years later and on another machine,
 * recomputes the same hash from what the database holds:
 * <ul>
 * <li>JSON with the keys of every object sorted, no white space;</li>
 * <li>strings escaped only where JSON requires it (quote, backslash, and control characters as six-character
 * unicode escapes);</li>
 * <li>numbers in plain decimal notation without trailing zeros ({@code 20000.0} and {@code 2E+4} are both
 * {@code 20000}), as PostgreSQL's jsonb may write them differently from how they were given (JSON has no
 * NaN or infinity: those are the strings {@code "NaN"}, {@code "Infinity"});</li>
 * <li>times in UTC with exactly six decimals ({@code 2026-11-24T06:00:00.000000Z}), the microseconds
 * PostgreSQL keeps.</li>
 * </ul>
 * {@code entry_hash = hex(SHA-256(UTF-8(previous_hash + "\n" + canonical entry)))}; the first entry's previous
 * hash is 64 zeros.
 */
final class CanonicalForm {

    static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalForm() {
    }

    /** The hash of an entry that follows {@code previousHash}. */
    static String hash(String previousHash, String canonicalEntry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((previousHash + "\n" + canonicalEntry).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The canonical JSON of a whole entry, every field present (absent ones as null). */
    static String entry(long sequence, Instant recordedAt, String actor, String action, String targetKind, String targetId,
            String reason, String processInstanceId, String streamerId, JsonNode details) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"action\":");
        string(out, action);
        out.append(",\"actor\":");
        string(out, actor);
        out.append(",\"details\":");
        json(out, details);
        out.append(",\"processInstanceId\":");
        string(out, processInstanceId);
        out.append(",\"reason\":");
        string(out, reason);
        out.append(",\"recordedAt\":");
        string(out, time(recordedAt));
        out.append(",\"sequence\":").append(sequence);
        out.append(",\"streamerId\":");
        string(out, streamerId);
        out.append(",\"targetId\":");
        string(out, targetId);
        out.append(",\"targetKind\":");
        string(out, targetKind);
        return out.append('}').toString();
    }

    /** The canonical JSON of a value (the details of an entry). */
    static String json(JsonNode node) {
        StringBuilder out = new StringBuilder();
        json(out, node);
        return out.toString();
    }

    /** A time as the canonical form writes it: UTC, microseconds. */
    static String time(Instant instant) {
        return TIME.format(micros(instant));
    }

    /** The instant as PostgreSQL stores it: truncated to microseconds. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void json(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, keys.get(i));
                out.append(':');
                json(out, node.get(keys.get(i)));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> items = node.elements(); items.hasNext();) {
                json(out, items.next());
                if (items.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            string(out, String.valueOf(node.doubleValue()));
        } else if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            string(out, node.asText());
        }
    }

    private static String number(JsonNode node) {
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
