package com.livegov.governance.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.Browser;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real Chromium: a substitute works an absent manager's approval within the named period (and the audit trail
 * says on whose behalf); a colleague whose period has not begun cannot; a streamer sees none of the managers' tasks.
 */
class SubstituteInTheBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RunningApp app;
    private static ApprovalClient approvals;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        approvals = new ApprovalClient(app);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void aSubstituteApprovesWithinThePeriodAndAColleagueOutsideItCannot() {
        String instance = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 1)));
        Map<String, Object> task = approvals.awaitTaskFor(instance, "ops-manager");
        app.basicLogin("ann.manager", "ops-manager");
        app.basicLogin("ben.ops", "ops");
        app.basicLogin("cara.ops", "ops");
        Substitutes substitutes = app.bean(Substitutes.class);
        Instant now = Instant.now();
        substitutes.name("ann.manager", "ben.ops", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        substitutes.name("cara.ops", "ann.manager", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));

        try (Browser cara = Browser.english(app)) {
            cara.logInAs("cara.ops", "ops").open("/inbox?view=groups-unassigned");
            assertThat(cara.text()).doesNotContain("Approve (first level)");
            cara.open("/tasks/" + task.get("id") + "?onBehalfOf=ann.manager");
            assertThat(cara.text()).contains("403").doesNotContain("What is being decided");
        }

        try (Browser ben = Browser.english(app)) {
            ben.logInAs("ben.ops", "ops").open("/inbox?view=groups-unassigned");
            ben.waitFor(By.xpath("//tr[.//span[normalize-space(.)='for ann.manager']]//a[normalize-space(.)='Approve (first level)']")).click();
            ben.waitForText("You are acting for ann.manager");
            ben.button("Claim").click();
            ben.waitFor(By.id("task-complete"));
            ben.waitFor(By.xpath("//label[normalize-space(.)='Approve']")).click();
            var label = ben.waitFor(By.xpath("//label[starts-with(normalize-space(.), 'Comment')]"));
            ben.driver().findElement(By.id(label.getDomAttribute("for"))).sendKeys("Approved while Ann is away.");
            ben.screenshot("task-substitute-en");
            ben.button("Complete").click();
            new WebDriverWait(ben.driver(), WAIT).until(d -> ben.path().equals("/inbox"));
        }
        await().atMost(WAIT).until(() -> app.jdbc().queryForObject("""
                select count(*) from governance.audit_trail where action = 'TASK_COMPLETED' and target_id = ?
                and actor = 'ben.ops' and details->>'onBehalfOf' = 'ann.manager'""", Integer.class, task.get("id")) == 1);
    }

    @Test
    void aStreamerSeesNoneOfTheManagersTasks() {
        String instance = approvals.request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 1)));
        Map<String, Object> task = approvals.awaitTaskFor(instance, "ops-manager");
        try (Browser streamer = Browser.english(app)) {
            streamer.logInAs("tang.yu", "streamer").open("/inbox?view=groups-unassigned");
            assertThat(streamer.text()).contains("No tasks here.").doesNotContain("Approve (first level)");
            streamer.open("/tasks/" + task.get("id"));
            assertThat(streamer.text()).contains("This page or record does not exist, or you may not see it.");
            streamer.open("/streamers");
            assertThat(streamer.path()).isNotEqualTo("/streamers");
        }
    }
}
