package com.livegov.governance.start;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestLogins;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser's session, without the browser: logged in through the login form (with its CSRF token), keeping the
 * session cookie, reading the CSRF token of each form page and posting the form with it, as a browser does.
 */
final class FormSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final RunningApp app;
    private final Map<String, String> cookies = new HashMap<>();

    private FormSession(RunningApp app) {
        this.app = app;
    }

    /** Logs the user in with the login form; the user is created with these groups unless it exists. */
    static FormSession login(RunningApp app, String username, String... groups) {
        app.basicLogin(username, groups);
        FormSession session = new FormSession(app);
        Response form = session.get("/login");
        Response login = session.browser().contentType(ContentType.URLENC)
                .formParam("username", username).formParam("password", TestLogins.PASSWORD).formParam("_csrf", csrfOf(form.asString()))
                .post("/login");
        session.keep(login);
        assertThat(login.statusCode()).as("the login form answers with a redirect").isEqualTo(302);
        assertThat(login.header("Location")).as("the login succeeded").doesNotContain("error");
        return session;
    }

    /** A page, as this session. */
    Response get(String path) {
        Response response = browser().get(path);
        keep(response);
        return response;
    }

    /** Opens the form page, then posts the fields with the page's CSRF token. */
    Response submit(String path, Map<String, String> fields) {
        Response page = get(path);
        assertThat(page.statusCode()).as("the form page " + path).isEqualTo(200);
        Map<String, String> withToken = new HashMap<>(fields);
        withToken.put("_csrf", csrfOf(page.asString()));
        return post(path, withToken);
    }

    /** Posts the fields as they are: no CSRF token unless they hold one. */
    Response post(String path, Map<String, String> fields) {
        Response response = browser().contentType(ContentType.URLENC).formParams(fields).post(path);
        keep(response);
        return response;
    }

    private RequestSpecification browser() {
        return given().baseUri("http://localhost").port(app.port()).accept(ContentType.HTML).redirects().follow(false).cookies(cookies);
    }

    private void keep(Response response) {
        cookies.putAll(response.getCookies());
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("the page has a form with a CSRF token").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
