package com.livegov.governance.decisiontables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.livegov.governance.decisions.versions.DecisionChanges;
import com.livegov.governance.decisions.versions.VersionState;
import com.livegov.governance.support.PageSession;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision-table pages without a browser: who may read and change (staff read, only owners draft, streamers and
 * monitoring see nothing), unknown models and versions, the download, and bad input to every form (a 4xx page with
 * the reason, nothing changed).
 */
class DecisionTablePagesIT {

    private static final String MODEL = "ViolationSeverity";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private static RunningApp app;
    private static DecisionChanges changes;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        changes = app.bean(DecisionChanges.class);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void streamersAndMonitoringSeeNoDecisionTableAndOnlyOwnersStartADraft() {
        for (PageSession outsider : new PageSession[] {PageSession.loggedIn(app, "stella", "streamer"), PageSession.loggedIn(app, "moni", "monitoring")}) {
            assertThat(outsider.get("/decision-tables").statusCode()).isEqualTo(403);
            assertThat(outsider.get("/decision-tables/" + MODEL).statusCode()).isEqualTo(403);
            assertThat(outsider.get("/decision-tables/" + MODEL + "/versions/1").statusCode()).isEqualTo(403);
            assertThat(outsider.get("/decision-tables/" + MODEL + "/versions/1.dmn").statusCode()).isEqualTo(403);
        }

        PageSession ops = PageSession.loggedIn(app, "otto", "ops");
        Response list = ops.get("/decision-tables");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains(MODEL, "TrafficAlert");
        String severityRow = list.asString().substring(list.asString().indexOf("data-model=\"" + MODEL + "\""));
        severityRow = severityRow.substring(0, severityRow.indexOf("</tr>"));
        assertThat(severityRow).as("ops does not own ViolationSeverity").doesNotContain("Start a draft");
        assertThat(ops.get("/decision-tables/" + MODEL).asString()).doesNotContain("Start a draft", "Roll back to the previous version");

        int versions = changes.history(MODEL).size();
        Response refused = post(ops, "/decision-tables", "/decision-tables/" + MODEL + "/drafts", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(changes.history(MODEL)).as("no draft").hasSize(versions);
        assertThat(ops.postFormWithoutToken("/decision-tables/" + MODEL + "/drafts").statusCode()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void unknownModelsAndVersionsAreNotFoundAndAVersionDownloadsAsItsDmn() {
        PageSession hr = PageSession.loggedIn(app, "hanna", "hr");
        assertThat(hr.get("/decision-tables/NoSuchModel").statusCode()).isEqualTo(404);
        assertThat(hr.get("/decision-tables/" + MODEL + "/versions/999").statusCode()).isEqualTo(404);
        assertThat(hr.get("/decision-tables/" + MODEL + "/versions/999.dmn").statusCode()).isEqualTo(404);
        assertThat(hr.get("/decision-tables/" + MODEL + "/diff?from=1&to=999").statusCode()).isEqualTo(404);

        Response file = hr.get("/decision-tables/" + MODEL + "/versions/1.dmn");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/xml");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"ViolationSeverity-v1.dmn\"");
        assertThat(file.asString()).isEqualTo(changes.xml(MODEL, 1)).contains("Decision_Severity");
    }

    @Test
    void badInputToTheDraftFormsIsRefusedWithTheReasonAndChangesNothing() {
        PageSession lena = PageSession.loggedIn(app, "lena", "legal");
        Response started = post(lena, "/decision-tables/" + MODEL, "/decision-tables/" + MODEL + "/drafts", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        String page = started.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(page).matches("/decision-tables/ViolationSeverity/versions/\\d+");
        int draft = Integer.parseInt(page.substring(page.lastIndexOf('/') + 1));
        String xml = changes.xml(MODEL, draft);

        Response notDmn = multipart(lena, page, page + "/save", Map.of("xml", "<html>not a model</html>", "examples", ""), null);
        assertThat(notDmn.statusCode()).isEqualTo(400);
        assertThat(notDmn.asString()).contains("id=\"checks-panel\"", "nothing was saved").doesNotContain("Saved.");
        assertThat(changes.xml(MODEL, draft)).as("nothing stored").isEqualTo(xml);

        Response tooLarge = multipart(lena, page, page + "/upload", Map.of(), "<definitions>" + "x".repeat(520 * 1024) + "</definitions>");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.asString()).contains("The file is too large: at most 512 KiB.");
        assertThat(changes.xml(MODEL, draft)).isEqualTo(xml);

        Response noNote = post(lena, page, page + "/submit", Map.of("changeNote", " "));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.asString()).contains("Write what changes and why.");
        assertThat(changes.version(MODEL, draft).state()).isEqualTo(VersionState.DRAFT);

        Response ownApproval = post(lena, page, page + "/approve", Map.of("comment", "mine", "when", "now"));
        assertThat(ownApproval.statusCode()).as("not submitted, and her own").isBetween(400, 499);
        assertThat(changes.version(MODEL, draft).state()).isEqualTo(VersionState.DRAFT);

        assertThat(post(lena, page, page + "/submit", Map.of("changeNote", "No change yet: a draft to review.")).statusCode()).isEqualTo(302);
        PageSession lars = PageSession.loggedIn(app, "lars", "legal");
        Response badDate = post(lars, page, page + "/approve", Map.of("comment", "ok", "when", "at", "from", "tomorrow"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.asString()).contains("Give a date and a time.");
        Response noReason = post(lars, page, page + "/reject", Map.of("comment", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.asString()).contains("Say why it is rejected.");
        assertThat(changes.version(MODEL, draft).state()).isEqualTo(VersionState.SUBMITTED);
        Response past = post(lars, page, page + "/approve", Map.of("comment", "ok", "when", "at", "from", "2020-01-01T09:00"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.asString()).contains("A version cannot take effect in the past");
        assertThat(changes.version(MODEL, draft).state()).isEqualTo(VersionState.SUBMITTED);

        Response noRollbackReason = post(lars, "/decision-tables/" + MODEL, "/decision-tables/" + MODEL + "/rollback", Map.of("reason", ""));
        assertThat(noRollbackReason.statusCode()).isEqualTo(400);
        assertThat(noRollbackReason.asString()).contains("Give the reason for the rollback.");
    }

    /**
     * Posts a multipart form as a browser does (with its length declared; the application refuses a body without one),
     * with the CSRF token of the page it is on: text fields, and a {@code .dmn} file when {@code file} is not null.
     */
    private static Response multipart(PageSession session, String pagePath, String formPath, Map<String, String> fields, String file) {
        String boundary = "----decision-tables-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        if (file != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"model.dmn\"\r\n")
                    .append("Content-Type: application/xml\r\n\r\n").append(file).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return session.page().header("X-CSRF-TOKEN", token(session, pagePath)).contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).post(formPath);
    }

    /** Posts a form with the CSRF token of the page it is on. */
    private static Response post(PageSession session, String pagePath, String formPath, Map<String, String> fields) {
        return session.page().contentType(ContentType.URLENC).formParam("_csrf", token(session, pagePath)).formParams(fields).post(formPath);
    }

    private static String token(PageSession session, String pagePath) {
        Matcher matcher = CSRF_META.matcher(session.get(pagePath).then().statusCode(200).extract().asString());
        assertThat(matcher.find()).as("a CSRF token on %s", pagePath).isTrue();
        return matcher.group(1);
    }
}
