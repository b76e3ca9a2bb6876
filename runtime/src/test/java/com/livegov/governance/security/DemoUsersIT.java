package com.livegov.governance.security;

import static io.restassured.RestAssured.given;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** The demo users: one per group by default, disabled when the application runs in the production profile. */
class DemoUsersIT {

    @Test
    void demoUsersLogInByDefaultAndAreDisabledInTheProductionProfile() {
        String database = TestDatabase.newDatabase();
        try (RunningApp app = RunningApp.start(database)) {
            for (Group group : Group.values()) {
                given(app.anonymousApi()).auth().preemptive().basic("demo-" + group.id(), "demo-password")
                        .when().get("/usertasks/instance").then().statusCode(200);
            }
        }
        try (RunningApp app = RunningApp.start(database, "spring.profiles.active=prod")) {
            given(app.anonymousApi()).auth().preemptive().basic("demo-admin", "demo-password")
                    .when().get("/usertasks/instance").then().statusCode(401);
            given(app.as("ada", "admin")).when().get("/admin/users/demo-admin")
                    .then().statusCode(200).body("enabled", org.hamcrest.Matchers.equalTo(false));
        }
    }
}
