package com.livegov.governance.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jbpm.flow.serialization.protobuf.KogitoProcessInstanceProtobuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.livegov.governance.support.ApprovalClient;
import com.livegov.governance.support.ApprovalClient.ApprovalRequest;
import com.livegov.governance.support.ApprovalClient.Decision;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * The start-up check against a real database and the real deployed definitions: instances that wait on a node the
 * deployed definition lacks stop the start, naming the process, the node and how many; a migration plan lets the
 * application start and the instances go on from the plan's node.
 *
 * <p>The stranded state is what a deploy of a definition without the node leaves behind: the stored instances'
 * node id ({@code process_instances.payload}, Kogito's protobuf) names a node the definition does not have. It is
 * made by renaming the stored node id of real waiting instances, as the owner, while the application is stopped.
 */
class StrandedInstancesIT {

    private static final String RETIRED = "Task_RetiredApproval";

    @TempDir
    Path plans;

    @Test
    void instancesWaitingOnARemovedNodeStopTheStartUnlessAMigrationPlanMovesThem() throws Exception {
        String database = TestDatabase.newDatabase();
        List<String> waiting = new ArrayList<>();

        // a fresh database starts; three approvals wait on the first level
        try (RunningApp app = RunningApp.start(database)) {
            ApprovalClient approvals = new ApprovalClient(app);
            for (int i = 0; i < 3; i++) {
                String id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines("PT1H", "PT1H"));
                approvals.awaitTaskFor(id, "ops-manager");
                waiting.add(id);
            }
        }
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(database, TestDatabase.OWNER, TestDatabase.OWNER_PASSWORD));
        for (String id : waiting) {
            assertThat(storedNodes(owner, id)).contains("Task_Level1Approval");
        }

        // a database with running instances that the definitions cover starts
        try (RunningApp app = RunningApp.start(database)) {
            assertThat(new ApprovalClient(app).isActive(waiting.get(0))).isTrue();
        }

        // the deployed definition no longer has the node they wait on
        for (String id : waiting) {
            renameStoredNode(owner, id, "Task_Level1Approval", RETIRED);
        }
        assertThatThrownBy(() -> RunningApp.start(database).close())
                .satisfies(thrown -> assertThat(causes(thrown)).anySatisfy(cause -> assertThat(cause.getMessage()).isEqualTo("""
                        Refusing to start: the deployed process definitions would strand running instances.
                          - 3 running instance(s) of process accountActionApproval version 1.0 wait on node Task_RetiredApproval, \
                        which the deployed definition no longer has
                        Restore the node (same element id, same process version), or supply a migration plan for them: \
                        a Kogito migration plan file (<name>.mpf) in META-INF/migration-plan on the class path or in the folder \
                        named by governance.processes.migration-plans (see the README, "Processes: templates, lint and safe deploys").""")));
        for (String id : waiting) {
            assertThat(storedNodes(owner, id)).as("a refused start changes nothing").contains(RETIRED).doesNotContain("Task_Level1Approval");
        }

        // a plan (Kogito's .mpf format) moves them to the first level again: the start goes on, and so do they
        Files.writeString(plans.resolve("retired-approval.mpf"), """
                {
                  "name": "the retired approval step is the first level again",
                  "processMigrationPlan": {
                    "sourceProcessDefinition": { "processId": "accountActionApproval", "processVersion": "1.0" },
                    "targetProcessDefinition": { "processId": "accountActionApproval", "processVersion": "1.0" },
                    "nodeInstanceMigrationPlan": [ { "sourceNodeId": "Task_RetiredApproval", "targetNodeId": "Task_Level1Approval" } ]
                  }
                }
                """);
        try (RunningApp app = RunningApp.start(database, "governance.processes.migration-plans=" + plans)) {
            for (String id : waiting) {
                assertThat(storedNodes(owner, id)).contains("Task_Level1Approval").doesNotContain(RETIRED);
            }
            ApprovalClient approvals = new ApprovalClient(app);
            String first = waiting.get(0);
            approvals.decide(approvals.awaitTaskFor(first, "ops-manager"), "nora", "ops-manager", new Decision(true, "evidence is clear"));
            Map<String, Object> second = approvals.awaitTaskFor(first, "legal");
            assertThat(second.get("taskName")).isEqualTo("Level2Approval");
        }
    }

    @Test
    void instancesOfAVersionNoLongerDeployedStopTheStartUntilAPlanMovesThemToTheDeployedVersion() throws Exception {
        String database = TestDatabase.newDatabase();
        String id;
        try (RunningApp app = RunningApp.start(database)) {
            ApprovalClient approvals = new ApprovalClient(app);
            id = approvals.request(ApprovalRequest.of("CANCEL_ACCOUNT").withDeadlines("PT1H", "PT1H"));
            approvals.awaitTaskFor(id, "ops-manager");
        }
        // what a deploy that bumped drools:version to 1.0 leaves behind: instances stored under the old version 0.9
        JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(database, TestDatabase.OWNER, TestDatabase.OWNER_PASSWORD));
        byte[] payload = owner.queryForObject("select payload from public.process_instances where id = ?", byte[].class, id);
        byte[] old = KogitoProcessInstanceProtobuf.ProcessInstance.parseFrom(payload).toBuilder().setProcessVersion("0.9").build().toByteArray();
        owner.update("update public.process_instances set payload = ?, process_version = '0.9' where id = ?", old, id);

        assertThatThrownBy(() -> RunningApp.start(database).close())
                .satisfies(thrown -> assertThat(causes(thrown)).anySatisfy(cause -> assertThat(cause.getMessage()).contains("""
                        Refusing to start: the deployed process definitions would strand running instances.
                          - 1 running instance(s) of process accountActionApproval version 0.9, which is not deployed
                        Restore the node""")));

        Files.writeString(plans.resolve("version-bump.mpf"), """
                {
                  "name": "approval 0.9 to 1.0",
                  "processMigrationPlan": {
                    "sourceProcessDefinition": { "processId": "accountActionApproval", "processVersion": "0.9" },
                    "targetProcessDefinition": { "processId": "accountActionApproval", "processVersion": "1.0" },
                    "nodeInstanceMigrationPlan": []
                  }
                }
                """);
        try (RunningApp app = RunningApp.start(database, "governance.processes.migration-plans=" + plans)) {
            assertThat(owner.queryForObject("select process_version from public.process_instances where id = ?", String.class, id)).isEqualTo("1.0");
            ApprovalClient approvals = new ApprovalClient(app);
            approvals.decide(approvals.awaitTaskFor(id, "ops-manager"), "nora", "ops-manager", new Decision(false, "no evidence"));
            assertThat(approvals.awaitEnded(id)).endsWith("End_RejectedAtLevel1");
        }
    }

    private static TreeSet<String> storedNodes(JdbcTemplate owner, String instanceId) throws Exception {
        byte[] payload = owner.queryForObject("select payload from public.process_instances where id = ?", byte[].class, instanceId);
        TreeSet<String> nodes = new TreeSet<>();
        StrandedInstancesCheck.waitingNodes(KogitoProcessInstanceProtobuf.ProcessInstance.parseFrom(payload).getContext(), nodes);
        return nodes;
    }

    private static void renameStoredNode(JdbcTemplate owner, String instanceId, String from, String to) throws Exception {
        byte[] payload = owner.queryForObject("select payload from public.process_instances where id = ?", byte[].class, instanceId);
        KogitoProcessInstanceProtobuf.ProcessInstance stored = KogitoProcessInstanceProtobuf.ProcessInstance.parseFrom(payload);
        KogitoProcessInstanceProtobuf.ProcessInstance renamed = stored.toBuilder()
                .setContext(StrandedInstancesCheck.mapNodes(stored.getContext(), Map.of(from, to))).build();
        assertThat(renamed).isNotEqualTo(stored);
        owner.update("update public.process_instances set payload = ? where id = ?", renamed.toByteArray(), instanceId);
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
