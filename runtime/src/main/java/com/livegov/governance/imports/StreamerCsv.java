package com.livegov.governance.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CSV form of a streamer import: one row per sub-account, the rows of one streamer grouped by
 * {@code streamerId} (they need not be next to each other); the streamer's columns must be the same on each of
 * its rows.
 */
final class StreamerCsv {

    private StreamerCsv() {
    }

    static List<Submitted.Streamer> read(byte[] content, List<Refusal> refusals) {
        Optional<CsvTable> table = CsvTable.read(content, ImportColumns.ALL, ImportColumns.REQUIRED, refusals);
        if (table.isEmpty()) {
            return List.of();
        }
        Map<String, Submitted> streamers = new LinkedHashMap<>();
        Map<String, List<Submitted>> accounts = new LinkedHashMap<>();
        for (CsvTable.Row row : table.get().rows()) {
            String id = row.get(ImportColumns.STREAMER_ID);
            if (id.isEmpty()) {
                refusals.add(Refusal.at(row.number(), ImportColumns.STREAMER_ID, "REQUIRED"));
                continue;
            }
            Submitted first = streamers.get(id);
            if (first == null) {
                streamers.put(id, new Submitted(row.number(), "", pick(row, ImportColumns.STREAMER)));
                accounts.put(id, new ArrayList<>());
            } else {
                for (String column : ImportColumns.STREAMER) {
                    if (!row.get(column).equals(first.text(column))) {
                        refusals.add(Refusal.at(row.number(), column, "CONFLICTING_VALUE", first.row()));
                    }
                }
            }
            if (ImportColumns.ACCOUNT.stream().anyMatch(column -> !row.isBlank(column))) {
                accounts.get(id).add(new Submitted(row.number(), "", pick(row, ImportColumns.ACCOUNT)));
            }
        }
        return streamers.entrySet().stream().map(entry -> new Submitted.Streamer(entry.getValue(), accounts.get(entry.getKey()))).toList();
    }

    private static Map<String, String> pick(CsvTable.Row row, List<String> columns) {
        Map<String, String> texts = new LinkedHashMap<>();
        columns.stream().filter(column -> !row.isBlank(column)).forEach(column -> texts.put(column, row.get(column)));
        return texts;
    }
}
