package com.livegov.governance.settlement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.livegov.governance.imports.CsvTable;
import com.livegov.governance.imports.Refusal;

/**
 * A month's figures as a CSV file: columns {@code streamerId,sales,target,trafficSales,profitPool} (profitPool may be
 * left out or empty), one row per streamer. Amounts are exact decimals in cents, written as {@code 1234.56} (no
 * thousands separators, no currency sign); every refused cell is a {@link Refusal} with its row and column.
 */
final class FiguresCsv {

    static final String STREAMER_ID = "streamerId";
    static final List<String> COLUMNS = List.of(STREAMER_ID, "sales", "target", "trafficSales", "profitPool");
    static final List<String> REQUIRED = List.of(STREAMER_ID, "sales", "target", "trafficSales");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

    /** The figures by streamer, with the row each came from. */
    record Read(Map<String, MonthlyFigures> figures, Map<String, Integer> rows) {
    }

    private FiguresCsv() {
    }

    static Read read(byte[] content, List<Refusal> refusals) {
        Map<String, MonthlyFigures> figures = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        Optional<CsvTable> table = CsvTable.read(content, COLUMNS, REQUIRED, refusals);
        if (table.isEmpty()) {
            return new Read(figures, rows);
        }
        for (CsvTable.Row row : table.get().rows()) {
            int before = refusals.size();
            String streamerId = row.get(STREAMER_ID);
            if (streamerId.isEmpty()) {
                refusals.add(Refusal.at(row.number(), STREAMER_ID, "REQUIRED"));
            } else if (rows.containsKey(streamerId)) {
                refusals.add(Refusal.at(row.number(), STREAMER_ID, "DUPLICATE", streamerId, rows.get(streamerId)));
            }
            BigDecimal sales = amount(row, "sales", true, refusals);
            BigDecimal target = amount(row, "target", true, refusals);
            BigDecimal trafficSales = amount(row, "trafficSales", true, refusals);
            BigDecimal profitPool = amount(row, "profitPool", false, refusals);
            if (refusals.size() == before) {
                figures.put(streamerId, new MonthlyFigures(sales, target, trafficSales, profitPool));
                rows.put(streamerId, row.number());
            } else if (!streamerId.isEmpty()) {
                rows.putIfAbsent(streamerId, row.number());
            }
        }
        return new Read(figures, rows);
    }

    /** The same rules as the JSON figures ({@link MonthlyFigures}): not negative, cents, below a trillion. */
    private static BigDecimal amount(CsvTable.Row row, String column, boolean required, List<Refusal> refusals) {
        String text = row.get(column);
        if (text.isEmpty()) {
            if (required) {
                refusals.add(Refusal.at(row.number(), column, "REQUIRED"));
            }
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            refusals.add(Refusal.at(row.number(), column, "NOT_AN_AMOUNT", text));
            return null;
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            refusals.add(Refusal.at(row.number(), column, "NEGATIVE", text));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            refusals.add(Refusal.at(row.number(), column, "TOO_MANY_DECIMALS", text));
        } else if (amount.compareTo(MonthlyFigures.LIMIT) >= 0) {
            refusals.add(Refusal.at(row.number(), column, "TOO_LARGE", text, MonthlyFigures.LIMIT.toPlainString()));
        } else {
            return amount;
        }
        return null;
    }
}
