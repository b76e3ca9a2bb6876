package com.livegov.governance.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's session without the browser: logged in through the login form (session cookie, CSRF token), asking
 * for pages as HTML, posting forms with or without the session's CSRF token.
 */
public final class PageSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RunningApp app;
    private final CookieFilter cookies = new CookieFilter();

    private PageSession(RunningApp app) {
        this.app = app;
    }

    /** Logs the user in through the login form (creating the user with these groups unless it exists). */
    public static PageSession loggedIn(RunningApp app, String username, String... groups) {
        app.basicLogin(username, groups);
        PageSession session = new PageSession(app);
        String form = session.page().get("/login").then().statusCode(200).extract().asString();
        session.page().contentType(ContentType.URLENC).formParam("username", username).formParam("password", TestLogins.PASSWORD)
                .formParam("_csrf", token(form, CSRF_INPUT))
                .post("/login").then().statusCode(302);
        return session;
    }

    /** A request of this session that asks for HTML and does not follow redirects. */
    public RequestSpecification page() {
        return given().baseUri("http://localhost").port(app.port()).filter(cookies).accept(ContentType.HTML).redirects().follow(false);
    }

    public Response get(String path, Object... pathParameters) {
        return page().get(path, pathParameters);
    }

    /** Posts a form with the session's CSRF token, as read from the page the form is on. */
    public Response postForm(String pagePath, String formPath) {
        String token = token(get(pagePath).then().statusCode(200).extract().asString(), CSRF_META);
        return page().contentType(ContentType.URLENC).formParam("_csrf", token).post(formPath);
    }

    /** Posts a form without any CSRF token, as a forged cross-site request would. */
    public Response postFormWithoutToken(String formPath) {
        return page().contentType(ContentType.URLENC).formParam("nothing", "").post(formPath);
    }

    private static String token(String html, Pattern pattern) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on the page");
        }
        return matcher.group(1);
    }
}
