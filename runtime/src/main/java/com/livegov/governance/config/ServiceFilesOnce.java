package com.livegov.governance.config;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.catalina.loader.WebappLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatEmbeddedWebappClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web application's class loader (the context class loader of every request thread) finds each
 * {@code META-INF/services/} file in the jars once and answers later look-ups of the same file from memory.
 *
 * <p>jBPM creates a node-instance factory registry for every process instance it starts or loads, and that
 * registry runs a {@code ServiceLoader} over the thread's context class loader. In the Spring Boot jar each such
 * look-up walks every nested jar for the service file: under a load of approvals (8 clients) 6.4 % of the
 * server's CPU in an async-profiler profile, 10.8 % of the request threads' samples in a JFR one. The jars do
 * not change while the application runs, so the list of files found is the same every time; their contents are
 * still read by the {@code ServiceLoader} itself.
 * Every other resource and every class is looked up exactly as Spring Boot's loader does it.
 */
@Configuration(proxyBeanMethods = false)
class ServiceFilesOnce {

    @Bean
    TomcatContextCustomizer serviceFilesOnceLoader() {
        return context -> {
            if (context.getLoader() instanceof WebappLoader loader) {
                loader.setLoaderInstance(new Loader(context.getParentClassLoader()));
            }
        };
    }

    static final class Loader extends TomcatEmbeddedWebappClassLoader {

        static final String SERVICE_FILES = "META-INF/services/";

        static {
            registerAsParallelCapable();
        }

        private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

        Loader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name == null || !name.startsWith(SERVICE_FILES)) {
                return super.getResources(name);
            }
            List<URL> found = serviceFiles.get(name);
            if (found == null) {
                found = List.copyOf(Collections.list(super.getResources(name)));
                serviceFiles.putIfAbsent(name, found);
            }
            return Collections.enumeration(found);
        }
    }
}
