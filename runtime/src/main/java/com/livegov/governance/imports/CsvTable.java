package com.livegov.governance.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * An uploaded CSV file as a table, read with Jackson's CSV module: UTF-8 (the byte-order mark Excel writes with
 * "CSV UTF-8" is skipped), comma-separated, quoted as RFC 4180 says, the first row naming the columns (in any
 * order, any letter case). Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row
 * row 2; blank rows are skipped but keep their numbers. Every problem of the file's shape is a {@link Refusal}.
 */
public final class CsvTable {

    private static final CsvMapper CSV = new CsvMapper();

    /** A data row: its number and its cells by column name (trimmed; a missing cell is empty). */
    public record Row(int number, Map<String, String> cells) {

        public String get(String column) {
            return cells.getOrDefault(column, "");
        }

        public boolean isBlank(String column) {
            return get(column).isEmpty();
        }
    }

    private final List<Row> rows;

    private CsvTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Reads the file. {@code columns} are the columns the file may have, {@code required} those it must have.
     * Returns empty when the file cannot be read as a table at all; row problems are added to {@code refusals}.
     */
    public static Optional<CsvTable> read(byte[] content, Collection<String> columns, Collection<String> required, List<Refusal> refusals) {
        Optional<String> text = utf8(content);
        if (text.isEmpty()) {
            refusals.add(Refusal.ofFile("NOT_UTF8"));
            return Optional.empty();
        }
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> reader = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(text.get())) {
            while (reader.hasNextValue()) {
                records.add(reader.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            refusals.add(Refusal.at(records.size() + 1, null, "MALFORMED_CSV"));
            return Optional.empty();
        }
        if (records.isEmpty() || isBlank(records.get(0))) {
            refusals.add(Refusal.ofFile("EMPTY_FILE"));
            return Optional.empty();
        }
        List<String> header = header(records.get(0), columns, required, refusals);
        if (header == null) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            String[] cells = records.get(i);
            if (!isBlank(cells)) {
                rows.add(row(i + 1, cells, header, refusals));
            }
        }
        if (rows.isEmpty()) {
            refusals.add(Refusal.ofFile("NO_ROWS"));
        }
        return Optional.of(new CsvTable(rows));
    }

    /** The canonical column name of each header cell (null for a blank one), or null when the header is refused. */
    private static List<String> header(String[] cells, Collection<String> columns, Collection<String> required, List<Refusal> refusals) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        columns.forEach(column -> byLowerCase.put(column.toLowerCase(Locale.ROOT), column));
        List<String> header = new ArrayList<>();
        int before = refusals.size();
        for (String cell : cells) {
            String name = cell.strip();
            String column = byLowerCase.get(name.toLowerCase(Locale.ROOT));
            if (!name.isEmpty() && column == null) {
                refusals.add(Refusal.at(1, name, "UNKNOWN_COLUMN", String.join(", ", columns)));
            } else if (column != null && header.contains(column)) {
                refusals.add(Refusal.at(1, column, "DUPLICATE_COLUMN"));
                column = null;
            }
            header.add(column);
        }
        required.stream().filter(column -> !header.contains(column)).forEach(column -> refusals.add(Refusal.at(1, column, "MISSING_COLUMN")));
        return refusals.size() > before ? null : header;
    }

    private static Row row(int number, String[] cells, List<String> header, List<Refusal> refusals) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String value = cells[i].strip();
            String column = i < header.size() ? header.get(i) : null;
            if (column != null) {
                values.put(column, value);
            } else if (!value.isEmpty()) {
                refusals.add(Refusal.at(number, null, "CELL_WITHOUT_COLUMN", i + 1));
            }
        }
        return new Row(number, values);
    }

    private static boolean isBlank(String[] cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The text, if the bytes are well-formed UTF-8; without a leading byte-order mark. */
    private static Optional<String> utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
