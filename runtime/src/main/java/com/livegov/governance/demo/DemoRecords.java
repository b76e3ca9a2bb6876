package com.livegov.governance.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;

import com.livegov.governance.accounts.StreamerRegistry;
import com.livegov.governance.imports.ImportFormat;
import com.livegov.governance.imports.StreamerImport;
import com.livegov.governance.security.IdentityProperties;
import com.livegov.governance.security.UserDirectory;
import com.livegov.governance.settlement.FiguresUpload;
import com.livegov.governance.settlement.SettlementProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo company's people and records, loaded through the same paths as real data: two more ops managers beside
 * {@code demo-ops-manager} and logins for two streamers (demo users, the demo password, disabled by the production
 * profile), the company's main account, a dozen streamers across the five tiers with sub-accounts, grants and backups
 * (the streamer import, {@code demo/streamers.csv}), and last month's figures (the figures upload, {@code demo/figures.csv}).
 */
@Component
class DemoRecords {

    /** The ops managers besides demo-ops-manager. */
    static final List<String> OPS_MANAGERS = List.of("wang.lei", "zhang.min");
    /** Streamers with a login of their own: the one whose violation they must acknowledge, the one onboarding. */
    static final List<String> STREAMER_LOGINS = List.of("huang.ting", DemoProcesses.ONBOARDING_STREAMER);
    static final String MAIN_ACCOUNT = "acc-main";
    /** Who loads the demo records in the audit trail. */
    static final String SEEDER = "system";

    private final UserDirectory users;
    private final IdentityProperties identity;
    private final StreamerRegistry registry;
    private final StreamerImport streamerImport;
    private final FiguresUpload figures;
    private final SettlementProperties settlement;

    DemoRecords(UserDirectory users, IdentityProperties identity, StreamerRegistry registry, StreamerImport streamerImport,
            FiguresUpload figures, SettlementProperties settlement) {
        this.users = users;
        this.identity = identity;
        this.registry = registry;
        this.streamerImport = streamerImport;
        this.figures = figures;
        this.settlement = settlement;
    }

    void seed() {
        // the demo users exist before the start-up runner that makes them may have run
        List.of("ops-manager", "ops", "hr").forEach(group -> users.ensure("demo-" + group, identity.demoPassword(), List.of(group), true));
        OPS_MANAGERS.forEach(name -> users.ensure(name, identity.demoPassword(), List.of("ops-manager"), true));
        STREAMER_LOGINS.forEach(name -> users.ensure(name, identity.demoPassword(), List.of("streamer"), true));
        registry.openMainAccount(MAIN_ACCOUNT, "@xingyao.official", 3_180_000);
        streamerImport.importStreamers(resource("demo/streamers.csv"), ImportFormat.CSV, SEEDER);
        String lastMonth = YearMonth.now(settlement.zone()).minusMonths(1).toString();
        figures.upload(lastMonth, resource("demo/figures.csv"), "demo-hr");
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
