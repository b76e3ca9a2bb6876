package com.livegov.governance.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.livegov.governance.imports.CsvTable;
import com.livegov.governance.imports.Refusal;

/**
 * A month's scores as a CSV file: columns {@code streamerId,trafficScore,conversionScore,retentionScore,serviceScore,
 * newProductConversionScore,teamScore,target} (newProductConversionScore may be left out or empty), one row per
 * streamer. Scores are exact decimals from 0 to 100 written as {@code 87.5}; every refused cell is a {@link Refusal}
 * with its row and column.
 */
final class ScoresCsv {

    static final String STREAMER_ID = "streamerId";
    static final List<String> COLUMNS = List.of(STREAMER_ID, "trafficScore", "conversionScore", "retentionScore", "serviceScore",
            IndicatorScores.OPTIONAL, "teamScore", "target");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

    /** The scores by streamer, with the row each came from. */
    record Read(Map<String, IndicatorScores> scores, Map<String, Integer> rows) {
    }

    private ScoresCsv() {
    }

    static Read read(byte[] content, List<Refusal> refusals) {
        Map<String, IndicatorScores> scores = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> required = new ArrayList<>(List.of(STREAMER_ID));
        required.addAll(IndicatorScores.REQUIRED);
        Optional<CsvTable> table = CsvTable.read(content, COLUMNS, required, refusals);
        if (table.isEmpty()) {
            return new Read(scores, rows);
        }
        for (CsvTable.Row row : table.get().rows()) {
            int before = refusals.size();
            String streamerId = row.get(STREAMER_ID);
            if (streamerId.isEmpty()) {
                refusals.add(Refusal.at(row.number(), STREAMER_ID, "REQUIRED"));
            } else if (rows.containsKey(streamerId)) {
                refusals.add(Refusal.at(row.number(), STREAMER_ID, "DUPLICATE", streamerId, rows.get(streamerId)));
            }
            Map<String, BigDecimal> read = new LinkedHashMap<>();
            for (String column : IndicatorScores.REQUIRED) {
                read.put(column, score(row, column, true, refusals));
            }
            BigDecimal newProducts = score(row, IndicatorScores.OPTIONAL, false, refusals);
            if (refusals.size() == before) {
                scores.put(streamerId, new IndicatorScores(read.get("trafficScore"), read.get("conversionScore"), read.get("retentionScore"),
                        read.get("serviceScore"), newProducts, read.get("teamScore"), read.get("target")));
                rows.put(streamerId, row.number());
            } else if (!streamerId.isEmpty()) {
                rows.putIfAbsent(streamerId, row.number());
            }
        }
        return new Read(scores, rows);
    }

    /** The same rules as the JSON scores ({@link IndicatorScores}): from 0 to 100, two decimal places at most. */
    private static BigDecimal score(CsvTable.Row row, String column, boolean required, List<Refusal> refusals) {
        String text = row.get(column);
        if (text == null || text.isEmpty()) {
            if (required) {
                refusals.add(Refusal.at(row.number(), column, "REQUIRED"));
            }
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            refusals.add(Refusal.at(row.number(), column, "NOT_A_SCORE", text));
            return null;
        }
        BigDecimal score = new BigDecimal(text);
        if (score.signum() < 0 || score.compareTo(IndicatorScores.MAX) > 0) {
            refusals.add(Refusal.at(row.number(), column, "SCORE_OUT_OF_RANGE", text));
        } else if (score.stripTrailingZeros().scale() > 2) {
            refusals.add(Refusal.at(row.number(), column, "SCORE_TOO_MANY_DECIMALS", text));
        } else {
            return score;
        }
        return null;
    }
}
