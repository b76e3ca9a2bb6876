package com.livegov.governance.workbench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The message bundles as files (runtime/src/main/resources/messages), read directly so that the tests do not
 * depend on the code they test.
 */
final class Bundles {

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    /** Every bundle in one language: the English files, or the {@code _zh_CN} files. */
    static Properties all(boolean chinese) {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            files.filter(file -> file.getFileName().toString().endsWith(chinese ? "_zh_CN.properties" : ".properties"))
                    .filter(file -> chinese || !file.getFileName().toString().contains("_"))
                    .forEach(file -> all.putAll(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private Bundles() {
    }
}
