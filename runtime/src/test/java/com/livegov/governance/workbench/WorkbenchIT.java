package com.livegov.governance.workbench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import com.livegov.governance.support.Browser;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import com.livegov.governance.support.TestLogins;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workbench's shell in a real Chromium: the login page, the languages, and what an anonymous visitor may
 * reach; CSRF and the Content-Security-Policy over plain HTTP.
 */
class WorkbenchIT {

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
    void anAnonymousVisitorIsSentToTheLoginPageAndLandsOnHomeAfterLoggingIn() {
        try (Browser browser = Browser.english(app)) {
            browser.open("/inbox");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.title()).isEqualTo("Log in");
            browser.logInAs("mei", "ops");
            assertThat(browser.path()).isEqualTo("/inbox");
            browser.open("/");
            assertThat(browser.text()).contains("Signed in as mei", "Offboardings in progress");
            browser.screenshot("home-en");
        }
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithAMessage() {
        try (Browser browser = Browser.english(app)) {
            browser.open("/login");
            browser.field("User name").sendKeys("nobody");
            browser.field("Password").sendKeys("wrong");
            browser.button("Log in").click();
            browser.waitForText("Wrong user name or password");
            assertThat(browser.path()).isEqualTo("/login");
        }
    }

    @Test
    void aChineseBrowserSeesChineseAndTheSwitchIsRemembered() {
        try (Browser browser = Browser.chinese(app)) {
            browser.open("/login");
            assertThat(browser.title()).isEqualTo("登录");
            browser.logInAs("li.na", "hr");
            browser.open("/");
            assertThat(browser.text()).contains("首页", "进行中的离职流程");
            browser.screenshot("home-zh");
            browser.link("English").click();
            browser.waitForText("Offboardings in progress");
            browser.open("/");
            assertThat(browser.text()).contains("Offboardings in progress").doesNotContain("进行中的离职流程");
        }
    }

    @Test
    void anonymousVisitorsReachOnlyTheLoginPageAndStaticAssets() {
        given(app.anonymousApi()).accept(ContentType.HTML).when().get("/login").then().statusCode(200);
        for (String asset : List.of("/css/workbench.css", "/js/workbench.js", "/vendor/htmx/htmx.min.js",
                "/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js", "/vendor/form-js/form-viewer.umd.js")) {
            given(app.anonymousApi()).accept("*/*").when().get(asset).then().statusCode(200);
        }
        for (String page : List.of("/", "/inbox", "/streamers", "/start", "/processes", "/imports", "/tasks/any")) {
            given(app.anonymousApi()).accept(ContentType.HTML).redirects().follow(false).when().get(page)
                    .then().statusCode(302).header("Location", containsString("/login"));
        }
        given(app.anonymousApi()).accept("*/*").when().get("/templates/layout.html").then().statusCode(401);
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicy() {
        given(app.anonymousApi()).accept(ContentType.HTML).when().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"));
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        app.basicLogin("sun.wei", "ops");
        // the login form itself needs the token
        given(app.anonymousApi()).contentType(ContentType.URLENC).accept(ContentType.HTML).redirects().follow(false)
                .formParam("username", "sun.wei").formParam("password", TestLogins.PASSWORD)
                .when().post("/login").then().statusCode(403);
        CookieFilter session = new CookieFilter();
        String token = csrfToken(given(app.anonymousApi()).filter(session).accept(ContentType.HTML).when().get("/login"));
        given(app.anonymousApi()).filter(session).contentType(ContentType.URLENC).accept(ContentType.HTML).redirects().follow(false)
                .formParam("username", "sun.wei").formParam("password", TestLogins.PASSWORD).formParam("_csrf", token)
                .when().post("/login").then().statusCode(302).header("Location", startsWith("http://localhost:" + app.port() + "/"));
        // logged in: a state-changing form without the token is refused, with it the session ends
        given(app.anonymousApi()).filter(session).contentType(ContentType.URLENC).accept(ContentType.HTML).redirects().follow(false)
                .when().post("/logout").then().statusCode(403);
        given(app.anonymousApi()).filter(session).accept(ContentType.HTML).redirects().follow(false)
                .when().get("/").then().statusCode(200);
        String pageToken = csrfToken(given(app.anonymousApi()).filter(session).accept(ContentType.HTML).when().get("/"));
        given(app.anonymousApi()).filter(session).contentType(ContentType.URLENC).accept(ContentType.HTML).redirects().follow(false)
                .formParam("_csrf", pageToken).when().post("/logout").then().statusCode(302);
        given(app.anonymousApi()).filter(session).accept(ContentType.HTML).redirects().follow(false)
                .when().get("/").then().statusCode(302).header("Location", containsString("/login"));
    }

    /** The CSRF token a page carries (hidden form field or meta tag). */
    static String csrfToken(Response page) {
        String html = page.then().statusCode(200).extract().asString();
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(html);
        assertThat(field.find()).as("the page carries a CSRF token").isTrue();
        return field.group(1);
    }
}
