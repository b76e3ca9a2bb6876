package com.livegov.governance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every refusal an upload can give has its words in English and in Simplified Chinese: the codes are read from the
 * sources that refuse (imports, the settlement figures upload), the words from both bundles.
 */
class ImportMessagesTest {

    private static final Pattern CODE = Pattern.compile("(?:refusal\\(|Refusal\\.at\\(|Refusal\\.ofFile\\()[^\"]*\"([A-Z][A-Z0-9_]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryRefusalCodeHasItsWords() throws IOException {
        Properties english = bundle("/messages/imports.properties");
        Properties chinese = bundle("/messages/imports_zh_CN.properties");
        Set<String> codes = codesInSources();

        assertThat(codes).as("codes found in the sources").contains("REQUIRED", "UNKNOWN_OPS_MANAGER", "ACCOUNT_DIFFERS", "NOT_AN_AMOUNT");
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String code : codes) {
            assertThat(english.getProperty("imports.error." + code)).as(code).isNotBlank();
        }
        assertThat(chinese.getProperty("imports.error.REQUIRED")).isEqualTo("此项必填。");
    }

    private static Set<String> codesInSources() throws IOException {
        Path main = Path.of("src/main/java/com/livegov/governance");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(main.resolve("imports")),
                Stream.of(main.resolve("settlement/FiguresCsv.java"), main.resolve("settlement/FiguresUpload.java")))) {
            for (Path file : files.toList()) {
                Matcher matcher = CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        return codes;
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ImportMessagesTest.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
