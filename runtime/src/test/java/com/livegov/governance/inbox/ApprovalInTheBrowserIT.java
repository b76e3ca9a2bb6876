package com.livegov.governance.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.livegov.governance.support.Browser;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestStreamers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A suspension from request to execution, in a real Chromium, the way the people do it: an ops user requests it,
 * the ops manager finds it in the inbox, reads the days and the streamer's name and approves the first level,
 * the director approves the second, and the account is suspended. On the way: a refused submission shows its
 * errors on the fields, and the requester's own approval is refused.
 */
class ApprovalInTheBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void aSuspensionIsRequestedApprovedAtTwoLevelsAndExecuted() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        String account = streamer + "-main";
        TestStreamers.streamerWithSubAccounts(app, streamer, account);

        try (Browser ops = Browser.english(app)) {
            ops.logInAs("olga", "ops").open("/start/account-action");
            new Select(ops.field("Account")).selectByValue(account);
            new Select(ops.field("Action")).selectByVisibleText("Suspend live streaming");
            new Select(ops.field("Severity")).selectByVisibleText("Moderate");
            ops.field("Days of suspension").sendKeys("2");
            ops.field("Reason").sendKeys("Guided viewers to a personal <b>WeChat</b> twice this week.");
            ops.button("Request approval").click();
            ops.waitForText("Your request was sent for approval.");
        }

        try (Browser manager = Browser.english(app)) {
            manager.logInAs("mia.chen", "ops-manager").open("/inbox?view=groups-unassigned");
            manager.screenshot("inbox-manager-en");
            WebElement task = manager.waitFor(By.xpath("//tr[td/a[normalize-space(.)='Host " + streamer + "']]//a[normalize-space(.)='Approve (first level)']"));
            manager.screenshot("inbox-manager-en");
            task.click();
            manager.waitForText("What is being decided");
            assertThat(manager.text()).contains("Suspend live streaming", "2 days", "Host " + streamer, "@" + account, "5,000 fans",
                    "Guided viewers to a personal <b>WeChat</b> twice this week.", "ApprovalChain", "This is the first level.", "olga");
            manager.button("Claim").click();
            manager.waitFor(By.id("task-complete"));
            manager.waitFor(By.xpath("//label[normalize-space(.)='Approve']"));
            // completing without a decision and comment: the form's own check, then the server's
            manager.button("Complete").click();
            manager.waitForText("The answer was not accepted");
            manager.screenshot("task-refused-en");
            manager.waitFor(By.xpath("//label[normalize-space(.)='Approve']")).click();
            commentField(manager).sendKeys("Confirmed from the stream recording.");
            manager.screenshot("task-level1-en");
            manager.button("Complete").click();
            new WebDriverWait(manager.driver(), WAIT).until(d -> manager.path().equals("/inbox"));
        }

        try (Browser director = Browser.english(app)) {
            director.logInAs("zhao.director", "director").open("/inbox?view=groups-unassigned");
            director.waitFor(By.xpath("//tr[td/a[normalize-space(.)='Host " + streamer + "']]//a[normalize-space(.)='Approve (second level)']")).click();
            director.waitForText("What is being decided");
            assertThat(director.text()).contains("2 days", "mia.chen", "Confirmed from the stream recording.", "approved");
            director.button("Claim").click();
            director.waitFor(By.id("task-complete"));
            director.waitFor(By.xpath("//label[normalize-space(.)='Approve']")).click();
            commentField(director).sendKeys("Agreed: two days off air.");
            director.button("Complete").click();
            new WebDriverWait(director.driver(), WAIT).until(d -> director.path().equals("/inbox"));
        }

        await().atMost(WAIT).until(() -> app.jdbc().queryForObject("select status from governance.accounts where id = ?", String.class, account),
                "SUSPENDED"::equals);
        assertThat(app.jdbc().queryForObject("select count(*) from governance.audit_trail where action = 'ACCOUNT_ACTION' and target_id = ?",
                Integer.class, account)).as("the suspension is in the audit trail").isEqualTo(1);
    }

    private static WebElement commentField(Browser browser) {
        WebElement label = browser.waitFor(By.xpath("//label[starts-with(normalize-space(.), 'Comment')]"));
        return browser.driver().findElement(By.id(label.getDomAttribute("for")));
    }
}
