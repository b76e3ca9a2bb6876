package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFilesOnceTest {

    /** The jars: counts how often they are searched for a resource. */
    static final class Jars extends URLClassLoader {

        final AtomicInteger searches = new AtomicInteger();

        Jars(URL... urls) {
            super(urls, null);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            searches.incrementAndGet();
            return super.getResources(name);
        }
    }

    @Test
    void aServiceFileIsSearchedForInTheJarsOnceAndFoundTheSameEveryTime(@TempDir Path one, @TempDir Path two) throws IOException {
        String name = "META-INF/services/com.example.Provider";
        for (Path jar : List.of(one, two)) {
            Files.createDirectories(jar.resolve("META-INF/services"));
            Files.writeString(jar.resolve(name), "com.example.Impl\n");
        }
        Jars jars = new Jars(one.toUri().toURL(), two.toUri().toURL());
        ServiceFilesOnce.Loader loader = new ServiceFilesOnce.Loader(jars);

        List<URL> first = Collections.list(loader.getResources(name));
        List<URL> second = Collections.list(loader.getResources(name));

        assertThat(first).containsExactlyElementsOf(Collections.list(jars.getResources(name))).hasSize(2);
        assertThat(second).isEqualTo(first);
        assertThat(jars.searches).hasValue(2); // the loader's first look-up and the one just above
    }

    @Test
    void otherResourcesAreSearchedForEveryTime(@TempDir Path jar) throws IOException {
        Files.writeString(jar.resolve("messages.properties"), "a=b\n");
        Jars jars = new Jars(jar.toUri().toURL());
        ServiceFilesOnce.Loader loader = new ServiceFilesOnce.Loader(jars);

        assertThat(Collections.list(loader.getResources("messages.properties"))).hasSize(1);
        assertThat(Collections.list(loader.getResources("messages.properties"))).hasSize(1);
        assertThat(Collections.list(loader.getResources("META-INF/services/com.example.Missing"))).isEmpty();

        assertThat(jars.searches).hasValue(3);
    }
}
