package com.livegov.governance.demo;

import com.livegov.governance.imports.ImportRefused;
import com.livegov.governance.security.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, with {@code governance.demo-data.enabled}: the demo data, once per database. The first start claims
 * the row of {@code governance.demo_data_seeds} (replicas starting together: one wins) and seeds a living workbench:
 * {@link DemoRecords} (ops managers, the main account, a dozen streamers, last month's figures) and
 * {@link DemoProcesses} (work in flight). A database that already holds streamers is left alone. Needs the demo
 * users ({@code governance.security.demo-users}), whose passwords the demo people share. A failure is logged and
 * marked; the application starts anyway.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DemoDataProperties properties;
    private final IdentityProperties identity;
    private final JdbcTemplate jdbc;
    private final DemoRecords records;
    private final DemoProcesses processes;

    DemoData(DemoDataProperties properties, IdentityProperties identity, JdbcTemplate jdbc, DemoRecords records, DemoProcesses processes) {
        this.properties = properties;
        this.identity = identity;
        this.jdbc = jdbc;
        this.records = records;
        this.processes = processes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (!identity.demoUsers()) {
            LOG.warn("Demo data needs the demo users (governance.security.demo-users); none seeded");
            return;
        }
        if (jdbc.update("insert into governance.demo_data_seeds (id, started_at, outcome) values (1, now(), 'SEEDING') on conflict do nothing") == 0) {
            return;
        }
        Integer streamers = jdbc.queryForObject("select count(*) from governance.streamers", Integer.class);
        if (streamers != null && streamers > 0) {
            mark("SKIPPED_NOT_EMPTY", streamers + " streamers on record");
            LOG.info("Demo data not seeded: the database already holds {} streamers", streamers);
            return;
        }
        try {
            records.seed();
            processes.seed();
            mark("SEEDED", null);
            LOG.info("Demo data seeded: streamers, accounts, last month's figures and processes in flight");
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be seeded completely{}", e instanceof ImportRefused refused ? ": " + refused.errors() : "", e);
            mark("FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void mark(String outcome, String detail) {
        jdbc.update("update governance.demo_data_seeds set outcome = ?, detail = ?, finished_at = now() where id = 1", outcome, detail);
    }
}
