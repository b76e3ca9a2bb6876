package com.livegov.governance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How an uploaded CSV file is read: as a spreadsheet saved as "CSV UTF-8" writes it, with rows numbered as it shows them. */
class CsvTableTest {

    private static final List<String> COLUMNS = List.of("id", "name", "amount");
    private static final List<String> REQUIRED = List.of("id", "name");

    private final List<Refusal> refusals = new ArrayList<>();

    @Test
    void excelFileWithByteOrderMarkQuotesAndBlankRowsIsReadWithSpreadsheetRowNumbers() {
        String file = "\uFEFFID,Name,amount,\r\n"
                + "a-1,\"Wang, Lei\",12.50,\r\n"
                + ",,,\r\n"
                + "\r\n"
                + "a-2,\"two\nlines\",,\r\n";

        Optional<CsvTable> table = CsvTable.read(file.getBytes(StandardCharsets.UTF_8), COLUMNS, REQUIRED, refusals);

        assertThat(refusals).isEmpty();
        assertThat(table.orElseThrow().rows()).containsExactly(
                new CsvTable.Row(2, Map.of("id", "a-1", "name", "Wang, Lei", "amount", "12.50")),
                new CsvTable.Row(5, Map.of("id", "a-2", "name", "two\nlines", "amount", "")));
    }

    @Test
    void chineseTextIsKeptAndCellsAreTrimmed() {
        Optional<CsvTable> table = CsvTable.read("id,name\n  b-1 , 王磊 \n".getBytes(StandardCharsets.UTF_8), COLUMNS, REQUIRED, refusals);

        assertThat(table.orElseThrow().rows().get(0).get("name")).isEqualTo("王磊");
        assertThat(table.orElseThrow().rows().get(0).get("id")).isEqualTo("b-1");
    }

    @Test
    void fileThatIsNotUtf8IsRefusedAsAWhole() {
        byte[] gbk = "id,name\nc-1,王磊\n".getBytes(java.nio.charset.Charset.forName("GBK"));

        assertThat(CsvTable.read(gbk, COLUMNS, REQUIRED, refusals)).isEmpty();
        assertThat(refusals).containsExactly(Refusal.ofFile("NOT_UTF8"));
    }

    @Test
    void unclosedQuoteIsRefusedAtItsRow() {
        assertThat(CsvTable.read("id,name\nd-1,fine\nd-2,\"never closed\n".getBytes(StandardCharsets.UTF_8), COLUMNS, REQUIRED, refusals)).isEmpty();
        assertThat(refusals).extracting(Refusal::row, Refusal::code).containsExactly(org.assertj.core.groups.Tuple.tuple(3, "MALFORMED_CSV"));
    }

    @Test
    void unknownDuplicateAndMissingColumnsAreNamedInTheHeaderRow() {
        assertThat(CsvTable.read("id,colour,id\ne-1,red,e-1\n".getBytes(StandardCharsets.UTF_8), COLUMNS, REQUIRED, refusals)).isEmpty();
        assertThat(refusals).extracting(Refusal::row, Refusal::column, Refusal::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "colour", "UNKNOWN_COLUMN"),
                org.assertj.core.groups.Tuple.tuple(1, "id", "DUPLICATE_COLUMN"),
                org.assertj.core.groups.Tuple.tuple(1, "name", "MISSING_COLUMN"));
    }

    @Test
    void valueBeyondTheLastColumnAndFilesWithoutRowsAreRefused() {
        CsvTable.read("id,name\nf-1,ok,surplus\n".getBytes(StandardCharsets.UTF_8), COLUMNS, REQUIRED, refusals);
        CsvTable.read("id,name\n".getBytes(StandardCharsets.UTF_8), COLUMNS, REQUIRED, refusals);
        CsvTable.read(new byte[0], COLUMNS, REQUIRED, refusals);

        assertThat(refusals).extracting(Refusal::row, Refusal::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "CELL_WITHOUT_COLUMN"),
                org.assertj.core.groups.Tuple.tuple(null, "NO_ROWS"),
                org.assertj.core.groups.Tuple.tuple(null, "EMPTY_FILE"));
    }
}
