package com.livegov.governance.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HR loads a month's commission figures from a CSV file ({@code POST /commission-settlements/figures/{month}} with
 * {@code text/csv}): the exact decimals are stored and the upload is recorded; a file with errors answers the row and
 * column of each and loads nothing.
 */
class FiguresCsvIT {

    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        TestStreamers.streamerWithSubAccounts(app, "f-one", "acc-f-one");
        TestStreamers.streamerWithSubAccounts(app, "f-two", "acc-f-two");
        TestStreamers.streamerWithSubAccounts(app, "f-three", "acc-f-three");
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void csvFiguresAreLoadedAsExactDecimalsAndTheUploadIsRecorded() {
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();

        given(app.as("fiona", "hr")).contentType("text/csv").body(file("figures.csv"))
                .when().post("/commission-settlements/figures/{month}", month)
                .then().statusCode(200).body("loaded", equalTo(2)).body("month", equalTo(month));

        assertThat(app.jdbc().queryForList("""
                select streamer_id, sales::text, target::text, traffic_sales::text, coalesce(profit_pool::text, '-') as pool, loaded_by
                from governance.commission_figures where month = ? order by streamer_id""", month)).containsExactly(
                Map.of("streamer_id", "f-one", "sales", "100000.00", "target", "80000", "traffic_sales", "10000.50", "pool", "-",
                        "loaded_by", "fiona"),
                Map.of("streamer_id", "f-two", "sales", "52000.10", "target", "60000", "traffic_sales", "0", "pool", "500000",
                        "loaded_by", "fiona"));
        assertThat(app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail where action = 'DATA_IMPORTED' and actor = 'fiona'
                and details ->> 'month' = ? and (details ->> 'streamers')::int = 2""", Long.class, month)).isEqualTo(1);
    }

    @Test
    void csvWithErrorsAnswersTheRowAndColumnOfEachAndLoadsNothing() {
        String month = YearMonth.now(ZoneOffset.UTC).minusMonths(2).toString();

        JsonPath refused = given(app.as("fiona", "hr")).contentType("text/csv").body(file("figures-with-errors.csv"))
                .when().post("/commission-settlements/figures/{month}", month)
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();

        List<Map<String, Object>> errors = refused.getList("errors");
        assertThat(errors.stream().map(error -> List.of(error.get("row"), error.get("column"), error.get("code"))).toList()).containsExactly(
                List.of(3, "sales", "NEGATIVE"),
                List.of(4, "streamerId", "UNKNOWN_STREAMER"),
                List.of(5, "streamerId", "DUPLICATE"),
                List.of(6, "sales", "TOO_MANY_DECIMALS"),
                List.of(6, "target", "NOT_AN_AMOUNT"),
                List.of(6, "trafficSales", "REQUIRED"));
        assertThat(app.jdbc().queryForObject("select count(*) from governance.commission_figures where month = ?", Long.class, month))
                .as("not even the good first row").isZero();

        given(app.as("fiona", "hr")).contentType("text/csv").body("streamerId,sales,bonus\nf-one,1,2\n")
                .when().post("/commission-settlements/figures/{month}", month)
                .then().statusCode(400).body("errors.code", equalTo(List.of("UNKNOWN_COLUMN", "MISSING_COLUMN", "MISSING_COLUMN")));
        given(app.as("otto", "ops")).contentType("text/csv").body(file("figures.csv"))
                .when().post("/commission-settlements/figures/{month}", month).then().statusCode(403);
        assertThat(app.jdbc().queryForObject("select count(*) from governance.commission_figures where month = ?", Long.class, month)).isZero();
    }

    private static byte[] file(String name) {
        try (InputStream in = FiguresCsvIT.class.getResourceAsStream("/settlement/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
