package com.livegov.governance.decisions.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Every finding and change can be put in words, in English and in Simplified Chinese, using all its arguments. */
final class Wording {

    private static final Properties ENGLISH = load("messages/decisionchecks.properties");
    private static final Properties CHINESE = load("messages/decisionchecks_zh_CN.properties");

    private Wording() {
    }

    static void assertWorded(String key, List<String> args) {
        for (Properties bundle : List.of(ENGLISH, CHINESE)) {
            String pattern = bundle.getProperty(key);
            assertThat(pattern).as("message %s", key).isNotNull();
            for (int i = 0; i < args.size(); i++) {
                assertThat(pattern).as("%s uses argument %d", key, i).contains("{" + i + "}");
            }
            assertThat(pattern).as("%s has no argument beyond %d", key, args.size()).doesNotContain("{" + args.size() + "}");
            String text = new MessageFormat(pattern, Locale.ROOT).format(args.toArray());
            assertThat(text).doesNotContain("{0}");
        }
    }

    static void assertWorded(CheckReport report) {
        report.findings().forEach(finding -> assertWorded(finding.messageKey(), finding.args()));
    }

    static void assertWordedChanges(List<VersionDiff.Change> changes) {
        changes.forEach(change -> assertWorded(change.messageKey(), change.args()));
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Wording.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
