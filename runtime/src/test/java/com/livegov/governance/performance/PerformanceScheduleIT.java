package com.livegov.governance.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import org.junit.jupiter.api.Test;

/**
 * The monthly schedule ({@code governance.performance.schedule}), configured to run every second on two instances
 * sharing one database: it cannot assess the previous month while its scores are missing (logged, nothing kept), and
 * once they are loaded it assesses the month once, started by {@code schedule}.
 */
class PerformanceScheduleIT {

    @Test
    void theMonthlyScheduleAssessesThePreviousMonthOnceOnTwoInstances() {
        String db = TestDatabase.newDatabase();
        String[] everySecond = { "governance.performance.schedule=* * * * * *" };
        try (RunningApp first = RunningApp.start(db, everySecond); RunningApp second = RunningApp.start(db, everySecond)) {
            String previousMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
            String streamer = "scheduled-performance";
            TestStreamers.streamerWithSubAccounts(first, streamer, streamer + "-live");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> first.jdbc().queryForObject(
                    "select count(*) from governance.performance_runs", Integer.class) == 0);

            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("streamerId", streamer);
            scores.put("trafficScore", 80);
            scores.put("conversionScore", 70);
            scores.put("retentionScore", 60);
            scores.put("serviceScore", 90);
            scores.put("newProductConversionScore", null);
            scores.put("teamScore", 75);
            scores.put("target", 70);
            given(second.as("hanna", "hr")).body(Map.of("figures", List.of(scores)))
                    .when().post("/performance-assessments/figures/{month}", previousMonth).then().statusCode(200);

            String id = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> first.jdbc().queryForList("""
                            select a.process_instance_id from governance.performance_assessments a
                            join governance.performance_runs r on r.month = a.month
                            where a.month = ? and a.streamer_id = ? and r.started_by = 'schedule'""",
                            String.class, previousMonth, streamer), ids -> !ids.isEmpty()).get(0);
            assertThat(new ApprovalClient(first).awaitTaskOf(id, "mia", "ops-manager", "ReviewPerformance").get("taskName"))
                    .isEqualTo("ReviewPerformance");
            // the schedule keeps running every second on both instances: each later run finds the month assessed
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> first.jdbc().queryForObject(
                    "select count(*) from governance.performance_assessments where month = ?", Integer.class, previousMonth) == 1);
            assertThat(first.jdbc().queryForObject("select count(*) from governance.scheduled_tasks where task_name = ?", Integer.class,
                    PerformanceSchedule.TASK_NAME)).as("one schedule for both instances").isEqualTo(1);
        }
    }
}
