package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * A model's examples file, read against the model: a header of input columns, expected output columns (a decision's
 * name, or a component of a decision's structured result) and {@code rule} (the ids of the rules the row must
 * select, joined by {@code |}); then one example a line. Cells are separated by commas; an empty cell is null;
 * blank lines and lines starting with {@code #} are skipped. A header naming an unknown or repeated column, or a
 * line with a different number of cells, is a finding naming the line.
 */
record ExamplesTable(List<Row> rows, List<Finding> problems) {

    static final String RULE_COLUMN = "rule";

    /** One example: its line, its inputs and expected outputs as text (null for empty), the expected rule ids. */
    record Row(int line, Map<String, String> inputs, Map<String, String> expected, List<String> rules) {
    }

    static ExamplesTable read(String csv, Set<String> inputNames, Set<String> outputNames) {
        List<Row> rows = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv).split("\r?\n", -1);
        List<String> header = null;
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                header = cells;
                if (!checkHeader(number, header, inputNames, outputNames, problems)) {
                    return new ExamplesTable(List.of(), problems);
                }
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(problem("exampleCellCount", number, String.valueOf(header.size()), String.valueOf(cells.size())));
                continue;
            }
            rows.add(row(number, header, cells, inputNames));
        }
        return new ExamplesTable(rows, problems);
    }

    private static boolean checkHeader(int line, List<String> header, Set<String> inputNames, Set<String> outputNames, List<Finding> problems) {
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (String column : header) {
            if (!seen.add(column)) {
                problems.add(problem("exampleRepeatedColumn", line, column));
                ok = false;
            } else if (!column.equals(RULE_COLUMN) && !inputNames.contains(column) && !outputNames.contains(column)) {
                problems.add(problem("exampleUnknownColumn", line, column));
                ok = false;
            }
        }
        return ok;
    }

    private static Row row(int line, List<String> header, List<String> cells, Set<String> inputNames) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> rules = List.of();
        for (int i = 0; i < header.size(); i++) {
            String value = cells.get(i).isEmpty() ? null : cells.get(i);
            String column = header.get(i);
            if (column.equals(RULE_COLUMN)) {
                rules = value == null ? List.of() : Arrays.stream(value.split("\\|")).map(String::strip).filter(id -> !id.isEmpty()).toList();
            } else if (inputNames.contains(column)) {
                inputs.put(column, value);
            } else {
                expected.put(column, value);
            }
        }
        return new Row(line, inputs, expected, rules);
    }

    static Finding problem(String code, int line, String... args) {
        List<String> all = new ArrayList<>();
        all.add(String.valueOf(line));
        all.addAll(List.of(args));
        return new Finding(Check.EXAMPLES, code, List.copyOf(all), null);
    }
}
