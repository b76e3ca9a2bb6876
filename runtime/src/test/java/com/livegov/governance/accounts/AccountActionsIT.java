package com.livegov.governance.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestStreamers;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Account actions against the real database: each action changes the account as the platform would, is
 * recorded with actor, reason and approval, runs once per action id (also when repeated concurrently), and
 * a refused action changes nothing.
 */
class AccountActionsIT {

    private static RunningApp app;
    private static AccountActions actions;
    private static StreamerRegistry registry;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        actions = app.bean(AccountActions.class);
        registry = app.bean(StreamerRegistry.class);
        registry.openMainAccount("main", "@brand", 100_000);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    /** A fresh streamer with one sub-account of 5,000 fans; returns the sub-account id. */
    private static String streamerWithSubAccount() {
        String streamer = "streamer-" + UUID.randomUUID().toString().substring(0, 8);
        String account = "sub-" + streamer;
        TestStreamers.streamerWithSubAccounts(app, streamer, account);
        return account;
    }

    private static ActionRequest request(AccountAction action, String account, Map<String, Object> parameters) {
        return new ActionRequest(UUID.randomUUID().toString(), action, account, "process:accountActionApproval", "diverted viewers",
                "approval-42", "pi-42", parameters);
    }

    private static String status(String account) {
        return app.jdbc().queryForObject("select status from governance.accounts where id = ?", String.class, account);
    }

    private static long fans(String account) {
        return app.jdbc().queryForObject("select fans from governance.accounts where id = ?", Long.class, account);
    }

    private static int records(String account) {
        return app.jdbc().queryForObject("select count(*) from governance.account_actions where account_id = ?", Integer.class, account);
    }

    @Test
    void emergencyPauseStopsLiveStreamingAndIsRecordedWithActorReasonAndApproval() {
        String account = streamerWithSubAccount();

        ActionRecord record = actions.execute(request(AccountAction.EMERGENCY_PAUSE, account, Map.of()));

        assertThat(status(account)).isEqualTo("PAUSED");
        assertThat(record.repeated()).isFalse();
        assertThat(actions.history(account)).singleElement().satisfies(recorded -> {
            assertThat(recorded.request().actor()).isEqualTo("process:accountActionApproval");
            assertThat(recorded.request().reason()).isEqualTo("diverted viewers");
            assertThat(recorded.request().approvalReference()).isEqualTo("approval-42");
            assertThat(recorded.outcome()).containsEntry("status", "PAUSED");
        });
    }

    @Test
    void theSameActionIdTwiceChangesNothingTheSecondTime() {
        String account = streamerWithSubAccount();
        ActionRequest rotate = request(AccountAction.ROTATE_STREAM_KEY, account, Map.of());

        ActionRecord first = actions.execute(rotate);
        ActionRecord second = actions.execute(rotate);

        assertThat(second.repeated()).isTrue();
        assertThat(second.outcome()).isEqualTo(first.outcome());
        assertThat(registry.activeKeyOf(account)).containsExactly((String) first.outcome().get("newKeyFingerprint"));
        assertThat(records(account)).isEqualTo(1);
    }

    @Test
    void concurrentRepeatsOfOneTransferMoveTheFansOnce() throws Exception {
        String account = streamerWithSubAccount();
        long mainBefore = fans("main");
        ActionRequest transfer = request(AccountAction.TRANSFER_FANS, account, Map.of("targetAccountId", "main"));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ActionRecord>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> actions.execute(transfer)));
        }
        int executed = 0;
        for (Future<ActionRecord> result : results) {
            executed += result.get().repeated() ? 0 : 1;
        }
        pool.shutdown();

        assertThat(executed).isEqualTo(1);
        assertThat(fans(account)).isZero();
        assertThat(fans("main")).isEqualTo(mainBefore + 5_000);
        assertThat(records(account)).isEqualTo(1);
    }

    @Test
    void disablingRevokesEveryPermissionAndRetiresTheStreamKey() {
        String account = streamerWithSubAccount();
        String streamer = account.substring("sub-".length());

        actions.execute(request(AccountAction.DISABLE, account, Map.of()));

        assertThat(status(account)).isEqualTo("DISABLED");
        assertThat(registry.grantsOf(streamer)).allSatisfy(grant -> assertThat(grant.get("revoked_at")).isNotNull());
        assertThat(registry.activeKeyOf(account)).isEmpty();
    }

    @Test
    void downgradeReplacesTheGrantWithALowerOneWithoutDataExport() {
        String account = streamerWithSubAccount();
        String streamer = account.substring("sub-".length());
        app.jdbc().update("update governance.permission_grants set level = 'OPERATOR', data_export = true where account_id = ?", account);

        actions.execute(request(AccountAction.DOWNGRADE_PERMISSIONS, account, Map.of("level", "STREAMER_BASIC")));

        assertThat(registry.grantsOf(streamer)).filteredOn(grant -> grant.get("revoked_at") == null).singleElement()
                .satisfies(grant -> {
                    assertThat(grant.get("level")).isEqualTo("STREAMER_BASIC");
                    assertThat(grant.get("data_export")).isEqualTo(false);
                });
    }

    @Test
    void suspensionNeedsItsDaysAndRestoreLiftsIt() {
        String account = streamerWithSubAccount();

        assertThatThrownBy(() -> actions.execute(request(AccountAction.SUSPEND_LIVE, account, Map.of("suspensionDays", 0))))
                .isInstanceOfSatisfying(AccountProblem.class, e -> assertThat(e.kind()).isEqualTo(AccountProblem.Kind.INVALID_PARAMETER));
        actions.execute(request(AccountAction.SUSPEND_LIVE, account, Map.of("suspensionDays", 3)));
        assertThat(status(account)).isEqualTo("SUSPENDED");

        actions.execute(request(AccountAction.RESTORE_LIVE, account, Map.of()));

        assertThat(status(account)).isEqualTo("ACTIVE");
        assertThat(records(account)).isEqualTo(2);
    }

    @Test
    void accountsOfAStreamerAreReadableAndAnUnknownStreamerIs404() {
        String account = streamerWithSubAccount();
        String streamer = account.substring("sub-".length());

        io.restassured.RestAssured.given(app.api()).get("/accounts/streamers/{id}", streamer).then().statusCode(200)
                .body("accounts.id", org.hamcrest.Matchers.contains(account))
                .body("grants.level", org.hamcrest.Matchers.contains("STREAMER_BASIC"));
        io.restassured.RestAssured.given(app.api()).get("/accounts/streamers/{id}", "nobody").then().statusCode(404);
    }

    @Test
    void openingASubAccountGrantsBasicPermissionsWithoutExportOnceAndIsRecorded() {
        String streamer = "new-" + UUID.randomUUID().toString().substring(0, 8);
        registry.register(new StreamerRegistry.Streamer(streamer, "New host", "REGULAR", "ONBOARDING", "food", java.time.LocalDate.of(2026, 12, 1), "mia"));
        ActionRequest open = new ActionRequest("onboarding-" + streamer, AccountAction.OPEN_SUB_ACCOUNT, "sub-" + streamer,
                "process:streamerOnboarding", "contract signed", "onboarding-1", "onboarding-1", Map.of("streamerId", streamer, "handle", "@" + streamer));

        ActionRecord first = actions.execute(open);
        ActionRecord again = actions.execute(open);

        assertThat(status("sub-" + streamer)).isEqualTo("ACTIVE");
        assertThat(first.outcome()).containsEntry("level", "STREAMER_BASIC").containsEntry("dataExport", false).containsKey("newKeyFingerprint");
        assertThat(again.repeated()).isTrue();
        assertThat(registry.grantsOf(streamer)).singleElement()
                .satisfies(grant -> assertThat(grant).containsEntry("level", "STREAMER_BASIC").containsEntry("data_export", false));
        assertThat(registry.activeKeyOf("sub-" + streamer)).hasSize(1);
        assertThat(actions.history("sub-" + streamer)).singleElement()
                .satisfies(recorded -> assertThat(recorded.request().reason()).isEqualTo("contract signed"));
        assertThatThrownBy(() -> actions.execute(new ActionRequest("other-" + streamer, AccountAction.OPEN_SUB_ACCOUNT, "sub2-" + streamer,
                "process:streamerOnboarding", "again", null, null, Map.of("streamerId", streamer, "handle", "@" + streamer))))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("already in use");
        assertThatThrownBy(() -> actions.verify(AccountAction.OPEN_SUB_ACCOUNT, "sub3-" + streamer, Map.of("streamerId", "nobody", "handle", "@x")))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("No streamer nobody");
    }

    @Test
    void refusedActionsChangeNothing() {
        String account = streamerWithSubAccount();
        actions.execute(request(AccountAction.CANCEL_ACCOUNT, account, Map.of()));
        int recordsBefore = records(account);

        assertThatThrownBy(() -> actions.execute(request(AccountAction.RESTORE_LIVE, account, Map.of())))
                .isInstanceOfSatisfying(AccountProblem.class, e -> assertThat(e.kind()).isEqualTo(AccountProblem.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> actions.execute(request(AccountAction.TRANSFER_FANS, streamerWithSubAccount(), Map.of("targetAccountId", account))))
                .isInstanceOfSatisfying(AccountProblem.class, e -> assertThat(e.kind()).isEqualTo(AccountProblem.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> actions.execute(request(AccountAction.RECLAIM_SUB_ACCOUNT, "main", Map.of())))
                .isInstanceOfSatisfying(AccountProblem.class, e -> assertThat(e.kind()).isEqualTo(AccountProblem.Kind.NOT_ALLOWED));
        assertThatThrownBy(() -> actions.execute(request(AccountAction.DISABLE, "no-such-account", Map.of())))
                .isInstanceOfSatisfying(AccountProblem.class, e -> assertThat(e.kind()).isEqualTo(AccountProblem.Kind.UNKNOWN_ACCOUNT));

        assertThat(status(account)).isEqualTo("CANCELLED");
        assertThat(records(account)).isEqualTo(recordsBefore);
        assertThat(status("main")).isEqualTo("ACTIVE");
    }
}
