package com.livegov.governance.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON form of a streamer import: {@code {"streamers": [{"streamerId": ..., "backups": [...],
 * "subAccounts": [{"accountId": ..., ...}]}]}}, the same fields as the CSV columns. An error's row is the streamer's
 * position in the list (from 1), its column the field's path within the streamer ({@code subAccounts[0].handle}).
 */
final class StreamerJson {

    private static final String STREAMERS = "streamers";

    private StreamerJson() {
    }

    static List<Submitted.Streamer> read(byte[] content, ObjectMapper json, List<Refusal> refusals) {
        JsonNode root;
        try {
            root = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(content);
        } catch (IOException e) {
            refusals.add(Refusal.ofFile("MALFORMED_JSON"));
            return List.of();
        }
        if (root == null || !root.isObject() || !root.path(STREAMERS).isArray()) {
            refusals.add(Refusal.at(null, STREAMERS, "JSON_STRUCTURE"));
            return List.of();
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals(STREAMERS)) {
                refusals.add(Refusal.at(null, name, "UNKNOWN_FIELD"));
            }
        });
        List<Submitted.Streamer> streamers = new ArrayList<>();
        JsonNode list = root.get(STREAMERS);
        if (list.isEmpty()) {
            refusals.add(Refusal.ofFile("NO_ROWS"));
        }
        for (int i = 0; i < list.size(); i++) {
            int row = i + 1;
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                refusals.add(Refusal.at(row, null, "JSON_STRUCTURE"));
                continue;
            }
            Submitted streamer = new Submitted(row, "", texts(node, ImportColumns.STREAMER, "", row, refusals));
            streamers.add(new Submitted.Streamer(streamer, accounts(node.get(ImportColumns.SUB_ACCOUNTS), row, refusals)));
        }
        return streamers;
    }

    private static List<Submitted> accounts(JsonNode list, int row, List<Refusal> refusals) {
        List<Submitted> accounts = new ArrayList<>();
        if (list == null || list.isNull()) {
            return accounts;
        }
        if (!list.isArray()) {
            refusals.add(Refusal.at(row, ImportColumns.SUB_ACCOUNTS, "WRONG_TYPE"));
            return accounts;
        }
        for (int j = 0; j < list.size(); j++) {
            String prefix = ImportColumns.SUB_ACCOUNTS + "[" + j + "].";
            if (!list.get(j).isObject()) {
                refusals.add(Refusal.at(row, prefix.substring(0, prefix.length() - 1), "WRONG_TYPE"));
                continue;
            }
            accounts.add(new Submitted(row, prefix, texts(list.get(j), ImportColumns.ACCOUNT, prefix, row, refusals)));
        }
        return accounts;
    }

    /** The fields as text: strings trimmed, numbers and booleans as written, the backups' array joined with {@code ;}. */
    private static Map<String, String> texts(JsonNode node, List<String> fields, String prefix, int row, List<Refusal> refusals) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name) && !(prefix.isEmpty() && name.equals(ImportColumns.SUB_ACCOUNTS))) {
                refusals.add(Refusal.at(row, prefix + name, "UNKNOWN_FIELD"));
            }
        });
        Map<String, String> texts = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isValueNode() && !value.isBinary()) {
                texts.put(field, value.asText().strip());
            } else if (value.isArray() && field.equals(ImportColumns.BACKUPS) && allText(value)) {
                List<String> ids = new ArrayList<>();
                value.forEach(id -> ids.add(id.asText().strip()));
                texts.put(field, String.join(";", ids));
            } else {
                refusals.add(Refusal.at(row, prefix + field, "WRONG_TYPE"));
            }
        }
        return texts;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
