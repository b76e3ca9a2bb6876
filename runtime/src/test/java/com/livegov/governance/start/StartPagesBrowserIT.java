package com.livegov.governance.start;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The start pages in a real Chromium, as people use them: an ops user finds the account by its streamer's name,
 * requests a suspension (the days field appears when the action is chosen) and sees the confirmation; a request
 * the process refuses comes back with the error on the field; HR and the ops-manager read their pages in Chinese.
 * Screenshots of every page go to {@code target/screenshots/start-*.png}.
 */
class StartPagesBrowserIT {

    private static RunningApp app;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    /** A new active streamer named "Host <id>" with one sub-account "<id>-main"; answers the id. */
    private static String streamer() {
        String streamer = "host-" + UUID.randomUUID().toString().substring(0, 8);
        TestStreamers.streamerWithSubAccounts(app, streamer, streamer + "-main");
        return streamer;
    }

    @Test
    void anOpsUserFindsTheAccountAndRequestsASuspension() {
        streamer();
        String streamer = streamer();
        try (Browser browser = Browser.english(app)) {
            browser.logInAs("olga", "ops").open("/start");
            browser.screenshot("start-list-en");
            browser.link("Request an account action").click();
            browser.waitForText("Parameters of the action");
            assertThat(browser.driver().findElement(By.id("suspensionDays")).isDisplayed()).as("no action chosen: no days").isFalse();

            browser.driver().findElement(By.id("account-search")).sendKeys("Host " + streamer);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> new Select(d.findElement(By.id("subject"))).getOptions().size() == 2);
            new Select(browser.field("Account")).selectByValue(streamer + "-main");
            new Select(browser.field("Action")).selectByVisibleText("Suspend live streaming");
            new Select(browser.field("Severity")).selectByVisibleText("Moderate");
            assertThat(browser.driver().findElement(By.id("suspensionDays")).isDisplayed()).as("the suspension's days appear").isTrue();
            browser.field("Days of suspension").sendKeys("2");
            browser.field("Reason").sendKeys("Diverted viewers to a personal account twice this week.");
            browser.screenshot("start-account-action-en");
            browser.button("Request approval").click();

            browser.waitForText("Your request was sent for approval.");
            assertThat(browser.path()).isEqualTo("/start/done");
            browser.screenshot("start-done-en");
        }
        assertThat(app.jdbc().queryForObject("select count(*) from public.process_instances where process_id = 'accountActionApproval'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aRequestTheProcessRefusesShowsTheErrorOnTheField() {
        String streamer = streamer();
        try (Browser browser = Browser.english(app)) {
            browser.logInAs("olga", "ops").open("/start/account-action");
            new Select(browser.field("Account")).selectByValue(streamer + "-main");
            new Select(browser.field("Action")).selectByVisibleText("Restore live streaming");
            browser.field("Reason").sendKeys("<b>lift</b> the pause");
            browser.button("Request approval").click();

            browser.waitForText("This action is not possible on this account in its current state.");
            assertThat(browser.text()).contains("Nothing was started");
            assertThat(browser.field("Reason").getDomProperty("value")).as("what was typed is kept, as text").isEqualTo("<b>lift</b> the pause");
            browser.screenshot("start-account-action-refused-en");
        }
    }

    @Test
    void hrAndTheOpsManagerReadTheirPagesInChinese() {
        streamer();
        try (Browser browser = Browser.chinese(app)) {
            browser.logInAs("hua", "hr").open("/start");
            assertThat(browser.text()).contains("发起离职交接").doesNotContain("申请账号操作");
            browser.link("发起离职交接").click();
            browser.waitForText("离职时间");
            browser.screenshot("start-offboarding-zh");
        }
        try (Browser browser = Browser.chinese(app)) {
            browser.logInAs("ming", "ops-manager", "ops").open("/start/violation");
            browser.waitForText("举报违规");
            browser.screenshot("start-violation-zh");
            browser.open("/start/permission-review").waitForText("执行权限复核");
            browser.screenshot("start-permission-review-zh");
        }
    }
}
