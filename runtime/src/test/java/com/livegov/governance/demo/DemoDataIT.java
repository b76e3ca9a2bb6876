package com.livegov.governance.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The demo data of the embedded default: seeded once into an empty database with a living inbox (tasks waiting in
 * the right groups), nothing more on the next start; none in the production profile, none in the tests unless asked.
 */
class DemoDataIT {

    private static final String DEMO_PASSWORD = "demo-password";

    @Test
    void firstStartSeedsStreamersAccountsFiguresAndWorkInFlightAndTheNextStartSeedsNothingMore() {
        String database = TestDatabase.newDatabase();
        Map<String, Long> afterFirstStart;
        try (RunningApp app = RunningApp.start(database, "governance.demo-data.enabled=true")) {
            assertThat(app.jdbc().queryForObject("select outcome from governance.demo_data_seeds", String.class)).isEqualTo("SEEDED");
            assertThat(statusCounts(app)).isEqualTo(Map.of("ACTIVE", 11L, "OFFBOARDING", 1L, "ONBOARDING", 1L));
            assertThat(app.jdbc().queryForList("select distinct tier from governance.streamers order by tier", String.class))
                    .containsExactly("INCUBATOR", "KEY", "PARTNER", "REGULAR", "STRATEGIC");
            assertThat(app.jdbc().queryForList("select distinct ops_manager from governance.streamers order by 1", String.class))
                    .containsExactly("demo-ops-manager", "wang.lei", "zhang.min");
            assertThat(count(app, "select count(*) from governance.accounts where kind = 'MAIN_ACCOUNT'")).isEqualTo(1);
            assertThat(count(app, "select count(*) from governance.accounts where kind = 'SUB_ACCOUNT'")).isEqualTo(14);
            assertThat(count(app, "select count(*) from governance.streamer_backups")).isEqualTo(12);
            assertThat(app.jdbc().queryForObject("select status from governance.accounts where id = 'acc-liuyang-main'", String.class))
                    .as("the offboarding closed the leaver's account at its start").isEqualTo("DISABLED");
            String lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
            assertThat(count(app, "select count(*) from governance.commission_figures where month = '" + lastMonth + "'")).isEqualTo(12);

            assertThat(taskNames(app, "demo-ops-manager")).containsExactlyInAnyOrder("Level1Approval", "ViolationInterview");
            assertThat(taskNames(app, "demo-director")).containsExactly("Level2Approval");
            assertThat(taskNames(app, "demo-legal")).containsExactlyInAnyOrder("LegalContractReview", "PreserveEvidence", "NonCompeteNotice");
            assertThat(taskNames(app, "demo-ops")).containsExactly("TransferTraffic");
            assertThat(taskNames(app, "demo-hr")).containsExactly("SettleCommission");
            assertThat(taskNames(app, "wang.lei")).as("another ops manager sees the group's tasks too")
                    .containsExactlyInAnyOrder("Level1Approval", "ViolationInterview");
            assertThat(app.jdbc().queryForObject("""
                    select actor from governance.process_events where event_type = 'TASK_COMPLETED' and node_name = 'Level1Approval'""",
                    String.class)).as("level 1 of the key rotation was approved by an ops manager").isEqualTo("wang.lei");
            afterFirstStart = totals(app);
        }
        try (RunningApp app = RunningApp.start(database, "governance.demo-data.enabled=true")) {
            assertThat(totals(app)).isEqualTo(afterFirstStart);
            assertThat(taskNames(app, "demo-ops-manager")).hasSize(2);
        }
    }

    @Test
    void productionProfileHasNoDemoDataAndTestsHaveNoneUnlessTheyAsk() {
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "spring.profiles.active=prod")) {
            assertThat(count(app, "select count(*) from governance.demo_data_seeds")).isZero();
            assertThat(count(app, "select count(*) from governance.streamers")).isZero();
            assertThat(count(app, "select count(*) from public.process_instances")).isZero();
            assertThat(count(app, "select count(*) from governance.users where username in ('wang.lei', 'zhang.min')")).isZero();
        }
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase())) {
            assertThat(count(app, "select count(*) from governance.demo_data_seeds")).isZero();
            assertThat(count(app, "select count(*) from governance.streamers")).isZero();
            assertThat(taskNames(app, "demo-ops-manager")).isEmpty();
        }
    }

    /** The names of the open tasks the demo user sees in the inbox, logged in with the demo password. */
    private static List<String> taskNames(RunningApp app, String user) {
        return given(app.anonymousApi()).auth().preemptive().basic(user, DEMO_PASSWORD)
                .when().get("/usertasks/instance")
                .then().statusCode(200).extract().jsonPath().getList("taskName");
    }

    private static Map<String, Long> statusCounts(RunningApp app) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        app.jdbc().query("select status, count(*) from governance.streamers group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Everything the seed writes, counted. */
    private static Map<String, Long> totals(RunningApp app) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        for (String table : List.of("governance.streamers", "governance.accounts", "governance.permission_grants", "governance.streamer_backups",
                "governance.commission_figures", "governance.account_actions", "governance.users", "public.process_instances",
                "public.jbpm_user_tasks")) {
            totals.put(table, count(app, "select count(*) from " + table));
        }
        return totals;
    }

    private static long count(RunningApp app, String sql) {
        return app.jdbc().queryForObject(sql, Long.class);
    }
}
