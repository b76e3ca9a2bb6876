package com.livegov.governance.decisions.versions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A later deploy whose model file differs from what the business published never replaces it: the file arrives as a
 * version submitted by {@code deploy}, the published one stays in force until an owner approves the proposal, and
 * starting again with the same build proposes nothing more.
 */
class DeployedModelsIT {

    private static final List<String> FOLDERS = List.of("approval-chain/ApprovalChain", "backup-streamers/BackupStreamers",
            "commission-split/CommissionSplit", "offboarding-terms/OffboardingTerms", "partner-profit-split/PartnerProfitSplit",
            "payout-approval/PayoutApproval", "performance-score/PerformanceScore", "permission-baseline/PermissionBaseline", "traffic-alert/TrafficAlert",
            "violation-severity/ViolationSeverity");

    private static String file(String path) throws IOException {
        try (InputStream in = DeployedModelsIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The build's models in a folder, with BackupStreamers' annotation reworded: a later build. */
    private static String laterBuild(Path folder) throws IOException {
        for (String model : FOLDERS) {
            Path dmn = folder.resolve(model + ".dmn");
            Files.createDirectories(dmn.getParent());
            String xml = file("/" + model + ".dmn");
            if (model.endsWith("BackupStreamers")) {
                xml = xml.replaceFirst("<annotationEntry><text>", "<annotationEntry><text>Reworded by a developer: ");
            }
            Files.writeString(dmn, xml);
            Files.writeString(folder.resolve(model + ".examples.csv"), file("/" + model + ".examples.csv"));
        }
        return "governance.decisions.build-models=" + folder.toUri() + "*/*.dmn";
    }

    private static int inForce(RunningApp app) {
        return given(app.api()).get("/decisions").then().statusCode(200)
                .extract().path("find { it.name == 'BackupStreamers' }.versionNumber");
    }

    @Test
    void aChangedModelFileIsProposedToTheOwnersAndNeverReplacesThePublishedVersion(@TempDir Path folder) throws IOException {
        String database = TestDatabase.newDatabase();
        try (RunningApp first = RunningApp.start(database)) {
            assertThat(inForce(first)).isEqualTo(1);
        }
        String later = laterBuild(folder);
        try (RunningApp second = RunningApp.start(database, later)) {
            List<Map<String, Object>> history = given(second.api()).get("/decision-models/BackupStreamers/versions").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(history).hasSize(2);
            assertThat(history.get(0)).containsEntry("number", 2).containsEntry("state", "SUBMITTED").containsEntry("origin", "DEPLOY")
                    .containsEntry("author", "deploy").containsEntry("basedOn", 1);
            assertThat(inForce(second)).as("the published version stays in force").isEqualTo(1);
            assertThat(given(second.api()).get("/decision-models/ViolationSeverity/versions").then().statusCode(200)
                    .extract().jsonPath().getList("$")).as("unchanged files propose nothing").hasSize(1);

            given(second.as("olga-ops-manager", "ops-manager")).body(Map.of("comment", "the wording is better"))
                    .post("/decision-models/BackupStreamers/versions/2/approve").then().statusCode(200).body("state", equalTo("APPROVED"));
            assertThat(inForce(second)).isEqualTo(2);
        }
        try (RunningApp third = RunningApp.start(database, later)) {
            assertThat(given(third.api()).get("/decision-models/BackupStreamers/versions").then().statusCode(200)
                    .extract().jsonPath().getList("$")).as("proposed once").hasSize(2);
            assertThat(inForce(third)).isEqualTo(2);
        }
        try (RunningApp fourth = RunningApp.start(database)) {
            assertThat(given(fourth.api()).get("/decision-models/BackupStreamers/versions").then().statusCode(200)
                    .extract().jsonPath().getList("$")).as("the older build's file is a version the business approved").hasSize(2);
            assertThat(inForce(fourth)).as("an older build does not undo an approved version").isEqualTo(2);
        }
    }
}
