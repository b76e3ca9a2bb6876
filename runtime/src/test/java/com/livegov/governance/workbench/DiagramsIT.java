package com.livegov.governance.workbench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /diagrams/<processId>.bpmn} in the running application: any logged-in user reads a process's diagram in
 * the language of the browser (or the one chosen with {@code ?lang=}); an unknown process is a 404 problem.
 */
class DiagramsIT {

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
    void aChineseBrowserGetsTheDiagramWithChineseNames() {
        given(app.as("sina", "streamer")).accept(ContentType.ANY).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .when().get("/diagrams/accountActionApproval.bpmn")
                .then().statusCode(200).contentType(startsWith("application/xml"))
                .body(containsString("name=\"审批（一级）\""), containsString("<bpmndi:BPMNShape"), not(containsString("Approve (first level)")));
    }

    @Test
    void anEnglishBrowserGetsTheModelsNamesAndTheChosenLanguageWins() {
        given(app.as("edna", "ops")).accept(ContentType.ANY).header("Accept-Language", "en-GB")
                .when().get("/diagrams/streamerOffboarding.bpmn")
                .then().statusCode(200).body(containsString("name=\"Preserve evidence\""));
        given(app.as("edna", "ops")).accept(ContentType.ANY).header("Accept-Language", "en-GB").queryParam("lang", "zh-CN")
                .when().get("/diagrams/streamerOffboarding.bpmn")
                .then().statusCode(200).body(containsString("name=\"保全证据\""));
    }

    @Test
    void anUnknownProcessIsANotFoundProblem() {
        given(app.as("edna", "ops")).accept(ContentType.ANY).when().get("/diagrams/noSuchProcess.bpmn")
                .then().statusCode(404).contentType("application/problem+json");
        given(app.as("edna", "ops")).accept(ContentType.XML).when().get("/diagrams/noSuchProcess.bpmn")
                .then().statusCode(404);
        given(app.as("edna", "ops")).accept(ContentType.ANY).when().get("/diagrams/accountActionApproval.dmn")
                .then().statusCode(404);
    }

    @Test
    void withoutALoginThereIsNoDiagram() {
        given(app.anonymousApi()).accept(ContentType.ANY).when().get("/diagrams/accountActionApproval.bpmn")
                .then().statusCode(401);
    }
}
