package com.livegov.governance.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.livegov.governance.support.Browser;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** HR uploads a streamer file with errors in a real Chromium: every refused row is named and nothing is loaded. */
class ImportPageBrowserIT {

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
    void aFileWithErrorsLoadsNothingAndNamesEveryRefusedRow() {
        int streamersBefore = app.jdbc().queryForObject("select count(*) from governance.streamers", Integer.class);
        try (Browser hr = Browser.english(app)) {
            hr.logInAs("liu.hr", "hr").open("/imports");
            hr.driver().findElement(By.id("streamer-file"))
                    .sendKeys(Path.of("src/test/resources/imports/streamers-with-errors.csv").toAbsolutePath().toString());
            hr.driver().findElement(By.xpath("//form[.//input[@id='streamer-file']]//button[@type='submit']")).click();
            hr.waitForText("Nothing was loaded.");
            hr.screenshot("import-refused-en");
            String refused = hr.driver().findElement(By.xpath("//table[.//th[normalize-space(.)='Row']]")).getText();
            assertThat(refused).contains("3", "tier", "4", "startedOn", "5", "opsManager");
        }
        assertThat(app.jdbc().queryForObject("select count(*) from governance.streamers", Integer.class)).isEqualTo(streamersBefore);
    }

    @Test
    void anOpsUserMayNotOpenTheImportPage() {
        try (Browser ops = Browser.english(app)) {
            ops.logInAs("olga", "ops").open("/imports");
            assertThat(ops.text()).contains("Your groups do not allow this.");
        }
    }
}
