package com.livegov.governance.processes.changes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.PageSession;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review of a process file saved in the Camunda Modeler, against the running application: the file is the
 * approval's own source (processes/src/main/bpmn), changed only where a business user changes it in the properties
 * panel, and a real approval waits on its first level while the changes are reviewed.
 */
class ProcessChangesIT {

    private static final Path SOURCE = Path.of("..", "processes", "src", "main", "bpmn", "accountActionApproval.bpmn");

    private static RunningApp app;
    private static String waiting;
    private static String source;

    @BeforeAll
    static void start() throws IOException {
        app = RunningApp.start(TestDatabase.newDatabase());
        source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        waiting = new ApprovalClient(app).request(ApprovalRequest.of("SUSPEND_LIVE").withParameters(Map.of("suspensionDays", 2)));
        new ApprovalClient(app).awaitTaskFor(waiting, "ops-manager");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Response review(String fileName, String xml) {
        return given(app.as("ada", "admin")).contentType("application/xml").queryParam("file", fileName).body(xml)
                .post("/processes/changes");
    }

    @Test
    void theDeployedSourceTranslatesAndChangesNothing() {
        JsonPath review = review("accountActionApproval.bpmn", source).then().statusCode(200).extract().jsonPath();

        assertThat(review.getString("processId")).isEqualTo("accountActionApproval");
        assertThat(review.getList("findings")).isEmpty();
        assertThat(review.getList("difference.changes")).isEmpty();
        assertThat(review.getList("affected")).isEmpty();
        assertThat(review.getBoolean("deployable")).isTrue();
    }

    @Test
    void aChangedCandidateGroupIsAChangedTaskAndTheWaitingInstanceContinuesOnIt() {
        String changed = source.replace("camunda:candidateGroups=\"${level1Group}\"", "camunda:candidateGroups=\"legal\"");
        assertThat(changed).isNotEqualTo(source);

        JsonPath review = review("accountActionApproval.bpmn", changed).then().statusCode(200).extract().jsonPath();

        assertThat(review.getList("findings")).isEmpty();
        List<Map<String, Object>> changes = review.getList("difference.changes");
        assertThat(changes).extracting(c -> c.get("kind"), c -> c.get("elementId")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CHANGED", "Task_Level1Approval"));
        assertThat(review.getList("difference.changes[0].settings.findAll { it.setting == 'input:GroupId' }.after")).containsExactly("legal");
        assertThat(review.getList("affected.elementId")).containsExactly("Task_Level1Approval");
        assertThat(review.getList("affected.kind")).containsExactly("CHANGED");
        assertThat(review.getList("affected[0].instanceIds")).containsExactly(waiting);
        assertThat(review.getBoolean("deployable")).isTrue();
    }

    @Test
    void aRenamedTaskStrandsTheInstanceWaitingOnIt() {
        String changed = source.replace("Task_Level1Approval", "Task_FirstApproval");

        JsonPath review = review("accountActionApproval.bpmn", changed).then().statusCode(200).extract().jsonPath();

        assertThat(review.getList("difference.changes.findAll { it.kind == 'REMOVED' }.elementId")).contains("Task_Level1Approval");
        assertThat(review.getList("difference.changes.findAll { it.kind == 'ADDED' }.elementId")).contains("Task_FirstApproval");
        assertThat(review.getList("affected.findAll { it.kind == 'REMOVED' }.elementId")).containsExactly("Task_Level1Approval");
        assertThat(review.getList("affected[0].instanceIds")).containsExactly(waiting);
        assertThat(review.getInt("strandedInstances")).isEqualTo(1);
        assertThat(review.getBoolean("deployable")).isFalse();
    }

    @Test
    void aFormThatDoesNotExistIsATranslationFindingNamingElementAndAttribute() {
        String changed = source.replace("camunda:formKey=\"Level1Approval\"", "camunda:formKey=\"NoSuchForm\"");

        JsonPath review = review("accountActionApproval.bpmn", changed).then().statusCode(200).extract().jsonPath();

        assertThat(review.getList("findings.elementId")).containsExactly("Task_Level1Approval");
        assertThat(review.getList("findings.attribute")).containsExactly("camunda:formKey");
        assertThat(review.getString("findings[0].message")).contains("NoSuchForm");
        assertThat(review.getString("difference")).isNull();
        assertThat(review.getBoolean("deployable")).isFalse();
    }

    @Test
    void badUploadsAreRefusedWithProblemDocuments() {
        Response notXml = review("accountActionApproval.bpmn", "this is not a process");
        assertThat(notXml.statusCode()).isEqualTo(400);
        assertThat(notXml.contentType()).startsWith("application/problem+json");
        assertThat(notXml.jsonPath().getString("title")).isEqualTo("Not a BPMN file");

        Response noName = given(app.as("ada", "admin")).contentType("application/xml").body(source).post("/processes/changes");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.jsonPath().getString("title")).isEqualTo("File name needed");

        Response empty = given(app.as("ada", "admin")).contentType("application/xml").queryParam("file", "a.bpmn").post("/processes/changes");
        assertThat(empty.statusCode()).isEqualTo(400);

        Response json = given(app.as("ada", "admin")).body("{}").post("/processes/changes");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyAdminsReview() {
        assertThat(given(app.as("dora", "director")).contentType("application/xml").queryParam("file", "accountActionApproval.bpmn")
                .body(source).post("/processes/changes").statusCode()).isEqualTo(403);
        assertThat(given(app.anonymousApi()).contentType("application/xml").queryParam("file", "accountActionApproval.bpmn")
                .body(source).post("/processes/changes").statusCode()).isEqualTo(401);
        assertThat(PageSession.loggedIn(app, "olga", "ops").get("/processes/changes").statusCode()).isEqualTo(403);
    }

    @Test
    void thePageShowsTheReviewOfAnUploadedFile() {
        PageSession admin = PageSession.loggedIn(app, "adele", "admin");
        String page = admin.get("/processes/changes").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"upload\"").contains("accountActionApproval");
        String token = page.replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");

        String changed = source.replace("camunda:candidateGroups=\"${level1Group}\"", "camunda:candidateGroups=\"legal\"");
        // the form as a browser sends it: multipart with a declared length (RestAssured's own multipart is chunked,
        // which the size limit refuses as it refuses every body of unknown length)
        String boundary = "----form-boundary-7d91";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"accountActionApproval.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + changed + "\r\n--" + boundary + "--\r\n";
        String reviewed = admin.page().contentType("multipart/form-data; boundary=" + boundary).body(form.getBytes(StandardCharsets.UTF_8))
                .post("/processes/changes").then().log().ifValidationFails().statusCode(200).extract().asString();

        assertThat(reviewed).contains("id=\"deployable\"").contains("data-element=\"Task_Level1Approval\"").contains("legal")
                .contains(waiting);
    }
}
