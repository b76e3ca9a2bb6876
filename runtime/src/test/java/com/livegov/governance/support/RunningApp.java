package com.livegov.governance.support;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.livegov.governance.GovernanceApplication;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real application, started in this JVM on a random port against a given database. Several may run at
 * once on one database, as replicas would; stopping one and starting another on the same database is a
 * restart.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts the application on {@code jdbcUrl} with short timer polling and deadline overrides allowed. */
    public static RunningApp start(String jdbcUrl, String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=" + TestDatabase.APPLICATION_ROLE,
                "spring.datasource.password=" + TestDatabase.APPLICATION_PASSWORD,
                "spring.flyway.user=" + TestDatabase.OWNER,
                "spring.flyway.password=" + TestDatabase.OWNER_PASSWORD));
        properties.addAll(List.of(extraProperties));
        return startWith(properties);
    }

    /** Starts the application as the run command does: no database configured, so on the embedded one. */
    public static RunningApp startEmbedded(java.nio.file.Path dataDirectory) {
        return startWith(List.of("governance.embedded-postgres.data-dir=" + dataDirectory));
    }

    private static RunningApp startWith(List<String> settings) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "governance.approval.allow-deadline-override=true",
                "governance.offboarding.allow-deadline-override=true",
                "governance.timers.polling-interval=PT0.25S",
                "governance.timers.heartbeat-interval=PT2S",
                "governance.timers.shutdown-wait=PT2S",
                "governance.timers.retry-delay=PT1S",
                // every request of the test run in target/request-logs, to show that no test request met a 500
                "server.tomcat.accesslog.enabled=true",
                "server.tomcat.accesslog.directory=" + java.nio.file.Path.of("target", "request-logs").toAbsolutePath(),
                "server.tomcat.accesslog.pattern=%t %a \"%r\" %s %D ms"));
        // no demo data unless the test asks for it, or for a profile (whose own settings decide)
        if (settings.stream().noneMatch(setting -> setting.startsWith("governance.demo-data.") || setting.startsWith("spring.profiles.active="))) {
            properties.add("governance.demo-data.enabled=false");
        }
        properties.addAll(settings);
        // as command-line arguments, so they win over application.yml like an operator's settings would
        String[] arguments = properties.stream().map(property -> "--" + property).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GovernanceApplication.class).run(arguments);
        return new RunningApp(context);
    }

    public int port() {
        return port;
    }

    /**
     * A REST client pointed at this instance, sending and expecting JSON, logged in as the user the request
     * names ({@code ?user=&group=}, see {@link TestLogins}) or as {@link TestLogins#TESTER}.
     */
    public RequestSpecification api() {
        return anonymousApi().filter(new TestLogins(jdbc()));
    }

    /** A REST client with no login at all. */
    public RequestSpecification anonymousApi() {
        return new RequestSpecBuilder()
                .setBaseUri("http://localhost")
                .setPort(port)
                .setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON)
                .build();
    }

    /** A REST client logged in (HTTP Basic) as this user, created with these groups unless it exists. */
    public RequestSpecification as(String username, String... groups) {
        return anonymousApi().header("Authorization", basicLogin(username, groups));
    }

    /** The {@code Authorization} header of this user, created with these groups unless it exists. */
    public String basicLogin(String username, String... groups) {
        new TestLogins(jdbc()).ensure(username, java.util.List.of(groups));
        return TestLogins.basic(username, TestLogins.PASSWORD);
    }

    /** A bean of the running application, for tests of a service below the API. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** SQL on the application's own connections, as its (restricted) login. */
    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /**
     * The owner of the tables on this application's database (the embedded server's superuser): for tests that
     * tamper with what the application itself may not touch.
     */
    public DataSource owner() {
        return new DriverManagerDataSource(context.getEnvironment().getRequiredProperty("spring.datasource.url"),
                TestDatabase.OWNER, TestDatabase.OWNER_PASSWORD);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            SpringApplication.exit(context);
        }
    }
}
