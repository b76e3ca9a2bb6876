package com.livegov.governance.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HR imports existing streamers over {@code POST /imports/streamers}, from the files in {@code test/resources/imports}:
 * <ol>
 * <li>a CSV file creates its streamers (ACTIVE), sub-accounts, grants and backups, and records the import;</li>
 * <li>the same file again changes nothing and says so; a file with other fans and tier updates only that;</li>
 * <li>a file with errors in several rows is refused with each row and column, in English or Chinese, and loads nothing;</li>
 * <li>the JSON form does the same, its errors named by the streamer's position and the field's path;</li>
 * <li>only admin and hr may import; an existing account's permissions cannot be changed by a file;</li>
 * <li>a file above 64 KiB is taken, one above 2 MiB is refused with 413 unread.</li>
 * </ol>
 */
class StreamerImportIT {

    private static RunningApp app;
    private static RequestSpecification hr;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        app.basicLogin("meng", "ops-manager");
        hr = app.as("hanna", "hr");
        // a streamer on record before any import, named as a backup by the files
        TestStreamers.streamerWithSubAccounts(app, "veteran", "acc-veteran");
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void csvFileCreatesStreamersAccountsGrantsAndBackupsAndTheSameFileAgainChangesNothing() {
        long entriesBefore = importEntries();
        JsonPath first = importCsv("streamers.csv").then().statusCode(200).extract().jsonPath();

        assertThat(first.getBoolean("changed")).isTrue();
        assertThat(first.getMap("streamers")).isEqualTo(Map.of("created", 4, "updated", 0, "unchanged", 0));
        assertThat(first.getMap("subAccounts")).isEqualTo(Map.of("created", 4, "updated", 0, "unchanged", 0));
        assertThat(first.getString("fileSha256")).hasSize(64);
        assertThat(app.jdbc().queryForMap("select display_name, tier, status, ops_manager from governance.streamers where id = 's-wuqian'"))
                .containsEntry("display_name", "Wu Qian, trainee").containsEntry("tier", "INCUBATOR").containsEntry("status", "ACTIVE")
                .containsEntry("ops_manager", "meng");
        assertThat(app.jdbc().queryForMap("""
                select a.platform_handle, a.fans, a.status, g.level, g.data_export from governance.accounts a
                join governance.permission_grants g on g.account_id = a.id and g.revoked_at is null where a.id = 'acc-linxue-1'"""))
                .containsEntry("platform_handle", "@linxue.beauty").containsEntry("fans", 2_350_000L).containsEntry("status", "ACTIVE")
                .containsEntry("level", "OPERATOR").containsEntry("data_export", true);
        assertThat(backupsOf("s-zhaoyun")).containsExactly("s-hemei", "veteran");
        assertThat(backupsOf("s-linxue")).containsExactly("s-zhaoyun", "s-hemei");
        assertThat(importEntries()).as("one entry per streamer created and one for the file").isEqualTo(entriesBefore + 5);
        long rowsAfterFirst = rowsOnRecord();

        JsonPath again = importCsv("streamers.csv").then().statusCode(200).extract().jsonPath();

        assertThat(again.getBoolean("changed")).isFalse();
        assertThat(again.getMap("streamers")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 4));
        assertThat(again.getMap("subAccounts")).isEqualTo(Map.of("created", 0, "updated", 0, "unchanged", 4));
        assertThat(again.getList("changes")).isEmpty();
        assertThat(again.getString("fileSha256")).isEqualTo(first.getString("fileSha256"));
        assertThat(rowsOnRecord()).isEqualTo(rowsAfterFirst);
        assertThat(importEntries()).as("the second import is recorded too, as one entry for the file").isEqualTo(entriesBefore + 6);

        JsonPath updated = importCsv("streamers-updated.csv").then().statusCode(200).extract().jsonPath();

        assertThat(updated.getMap("streamers")).isEqualTo(Map.of("created", 0, "updated", 1, "unchanged", 3));
        assertThat(updated.getMap("subAccounts")).isEqualTo(Map.of("created", 0, "updated", 1, "unchanged", 3));
        assertThat(updated.getString("changes[0].streamerId")).isEqualTo("s-hemei");
        assertThat(updated.getMap("changes[0].fields.tier")).isEqualTo(Map.of("from", "REGULAR", "to", "KEY"));
        assertThat(updated.getList("changes[0].subAccountsUpdated")).containsExactly("acc-hemei-1");
        assertThat(backupsOf("s-hemei")).containsExactly("s-linxue", "s-zhaoyun");
        assertThat(app.jdbc().queryForObject("select fans from governance.accounts where id = 'acc-hemei-1'", Long.class)).isEqualTo(99_000L);
        assertThat(app.jdbc().queryForObject("""
                select details ->> 'fields' from governance.audit_trail
                where action = 'DATA_IMPORTED' and streamer_id = 's-hemei' order by sequence desc limit 1""", String.class))
                .contains("\"from\": \"REGULAR\"").contains("\"to\": \"KEY\"");
    }

    @Test
    void fileWithErrorsInSeveralRowsIsRefusedWithEachRowAndColumnAndLoadsNothing() {
        long before = rowsOnRecord();
        long entriesBefore = importEntries();

        JsonPath refused = importCsv("streamers-with-errors.csv").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();

        assertThat(cells(refused)).containsExactly(
                List.of(3, "tier", "INVALID_CHOICE"),
                List.of(4, "startedOn", "INVALID_DATE"),
                List.of(5, "opsManager", "UNKNOWN_OPS_MANAGER"),
                List.of(6, "fans", "INVALID_NUMBER"),
                List.of(6, "permissionLevel", "INVALID_CHOICE"),
                List.of(6, "dataExport", "INVALID_BOOLEAN"),
                List.of(7, "handle", "DUPLICATE"),
                List.of(8, "backups", "UNKNOWN_BACKUP"));
        assertThat(refused.getString("errors[0].message")).contains("SUPERSTAR").contains("REGULAR, KEY, STRATEGIC, PARTNER, INCUBATOR");
        assertThat(refused.getString("errors[6].message")).contains("@e.good").contains("row 2");
        assertThat(rowsOnRecord()).as("nothing loaded, not even the good row").isEqualTo(before);
        assertThat(app.jdbc().queryForObject("select count(*) from governance.streamers where id = 'e-good'", Long.class)).isZero();
        assertThat(importEntries()).isEqualTo(entriesBefore);
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail where action = 'REQUEST_REFUSED' and actor = 'hanna'
                and target_kind = 'FILE' and (details ->> 'errors')::int = 8""", Long.class)).as("the refusal is recorded").isEqualTo(1);

        given(hr).contentType("text/csv").header("Accept-Language", "zh-CN").body(file("streamers-with-errors.csv"))
                .when().post("/imports/streamers")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("允许的值"))
                .body("errors[2].column", equalTo("opsManager"));
    }

    @Test
    void jsonFileImportsTheSameWayAndItsErrorsNameTheStreamerAndTheField() {
        JsonPath imported = given(hr).contentType("application/json").body(file("streamers.json"))
                .when().post("/imports/streamers").then().statusCode(200).extract().jsonPath();

        assertThat(imported.getString("format")).isEqualTo("JSON");
        assertThat(imported.getMap("streamers")).isEqualTo(Map.of("created", 2, "updated", 0, "unchanged", 0));
        assertThat(imported.getMap("subAccounts")).isEqualTo(Map.of("created", 3, "updated", 0, "unchanged", 0));
        assertThat(backupsOf("j-sunli")).containsExactly("j-zhoujie", "veteran");
        assertThat(app.jdbc().queryForObject("select level from governance.permission_grants where account_id = 'acc-sunli-2'", String.class))
                .as("a level left out is the basic one").isEqualTo("STREAMER_BASIC");
        given(hr).contentType("application/json").body(file("streamers.json")).when().post("/imports/streamers")
                .then().statusCode(200).body("changed", equalTo(false)).body("streamers.unchanged", equalTo(2));

        long before = rowsOnRecord();
        JsonPath refused = given(hr).contentType("application/json").body(file("streamers-with-errors.json"))
                .when().post("/imports/streamers").then().statusCode(400).extract().jsonPath();

        assertThat(cells(refused)).containsExactly(
                List.of(1, "backups", "SELF_BACKUP"),
                List.of(1, "subAccounts[1].permissionLevel", "INVALID_CHOICE"),
                List.of(2, "nickname", "UNKNOWN_FIELD"));
        assertThat(rowsOnRecord()).isEqualTo(before);
    }

    @Test
    void onlyAdminAndHrImportAndAFileCannotChangeAnExistingAccountsPermissions() {
        long before = rowsOnRecord();
        given(app.as("otto", "ops")).contentType("text/csv").body(file("streamers-with-errors.csv"))
                .when().post("/imports/streamers").then().statusCode(403);
        given(app.as("mia", "ops-manager")).contentType("application/json").body(file("streamers.json"))
                .when().post("/imports/streamers").then().statusCode(403);
        given(app.anonymousApi()).contentType("text/csv").body(file("streamers.csv"))
                .when().post("/imports/streamers").then().statusCode(401);
        assertThat(rowsOnRecord()).isEqualTo(before);

        String upgrade = """
                streamerId,displayName,tier,category,startedOn,opsManager,accountId,handle,fans,permissionLevel,dataExport
                veteran,Host veteran,KEY,beauty,2025-03-01,meng,acc-veteran,@acc-veteran,5000,MANAGEMENT,true
                """;
        given(app.as("ada", "admin")).contentType("text/csv").body(upgrade).when().post("/imports/streamers")
                .then().statusCode(400)
                .body("errors.code", equalTo(List.of("ACCOUNT_DIFFERS", "ACCOUNT_DIFFERS")))
                .body("errors.column", equalTo(List.of("permissionLevel", "dataExport")));
        assertThat(app.jdbc().queryForObject("""
                select level from governance.permission_grants where account_id = 'acc-veteran' and revoked_at is null""", String.class))
                .isEqualTo("STREAMER_BASIC");
    }

    @Test
    void fileAboveTheApiLimitIsTakenAndOneAboveTwoMebibytesIsRefusedUnread() {
        StringBuilder large = new StringBuilder("streamerId,displayName,tier,category,startedOn,opsManager,accountId,handle,fans\n");
        for (int i = 0; large.length() < 100 * 1024; i++) {
            large.append("bulk-").append(i).append(",Bulk Streamer Number ").append(i).append(",REGULAR,household goods,2025-01-01,meng,")
                    .append("acc-bulk-").append(i).append(",@bulk.streamer.").append(i).append(",").append(1000 + i).append('\n');
        }
        int rows = (int) large.chars().filter(c -> c == '\n').count() - 1;
        given(hr).contentType("text/csv").body(large.toString()).when().post("/imports/streamers")
                .then().statusCode(200).body("streamers.created", equalTo(rows));

        long before = rowsOnRecord();
        byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        given(hr).contentType("text/csv").body(tooLarge).when().post("/imports/streamers")
                .then().statusCode(413).contentType("application/problem+json");
        assertThat(rowsOnRecord()).isEqualTo(before);
    }

    @Test
    void malformedEmptyAndOtherKindsOfBodyAreRefusedWithProblemsAndChangeNothing() {
        long before = rowsOnRecord();
        given(hr).contentType("application/json").body("{\"streamers\": [").when().post("/imports/streamers")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].code", equalTo("MALFORMED_JSON"));
        given(hr).contentType("application/json").body("{\"streamers\": {}}").when().post("/imports/streamers")
                .then().statusCode(400).body("errors[0].code", equalTo("JSON_STRUCTURE"));
        given(hr).contentType("text/csv").body("streamerId,displayName\n").when().post("/imports/streamers")
                .then().statusCode(400).body("errors.code", equalTo(List.of("MISSING_COLUMN", "MISSING_COLUMN", "MISSING_COLUMN", "MISSING_COLUMN")));
        given(hr).contentType("text/csv").when().post("/imports/streamers")
                .then().statusCode(400).contentType("application/problem+json");
        given(hr).contentType("text/plain").body("streamerId\n").when().post("/imports/streamers")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(rowsOnRecord()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    private static io.restassured.response.Response importCsv(String name) {
        return given(hr).contentType("text/csv").body(file(name)).when().post("/imports/streamers");
    }

    private static byte[] file(String name) {
        try (InputStream in = StreamerImportIT.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each error as [row, column, code]. */
    private static List<List<Object>> cells(JsonPath refused) {
        List<Map<String, Object>> errors = refused.getList("errors");
        return errors.stream().map(error -> List.of(error.get("row"), error.get("column"), error.get("code"))).toList();
    }

    private static List<String> backupsOf(String streamer) {
        return app.jdbc().queryForList("select backup_id from governance.streamer_backups where streamer_id = ? order by rank", String.class, streamer);
    }

    /** Every row an import may write: streamers, accounts, grants, backups. */
    private static long rowsOnRecord() {
        return app.jdbc().queryForObject("""
                select (select count(*) from governance.streamers) + (select count(*) from governance.accounts)
                     + (select count(*) from governance.permission_grants) + (select count(*) from governance.streamer_backups)""", Long.class);
    }

    private static long importEntries() {
        return app.jdbc().queryForObject("select count(*) from governance.audit_trail where action = 'DATA_IMPORTED'", Long.class);
    }
}
