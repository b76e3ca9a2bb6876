package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTaskInstances;
import org.kie.kogito.usertask.impl.DefaultUserTaskInstance;
import org.kie.kogito.usertask.lifecycle.UserTaskState;
import org.kie.kogito.usertask.model.Attachment;
import org.kie.kogito.usertask.model.Comment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * The user-task store that replaces Kogito's JPA store, on the application's real database: what it writes it reads
 * back unchanged, a change writes only the difference, a rolled-back transaction writes nothing, and the tasks a
 * user sees follow Kogito's rule.
 */
class JdbcUserTaskStoreIT {

    private static final List<String> CHILD_TABLES = List.of("jbpm_user_tasks_potential_users", "jbpm_user_tasks_potential_groups",
            "jbpm_user_tasks_admin_users", "jbpm_user_tasks_admin_groups", "jbpm_user_tasks_excluded_users", "jbpm_user_tasks_inputs",
            "jbpm_user_tasks_outputs", "jbpm_user_tasks_metadata", "jbpm_user_tasks_comments", "jbpm_user_tasks_attachments");

    private static RunningApp app;
    private static UserTaskInstances store;
    private static TransactionTemplate transactions;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startApplication() {
        app = RunningApp.start(TestDatabase.newDatabase());
        store = app.bean(UserTaskInstances.class);
        transactions = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void theApplicationUsesThisStore() {
        assertThat(store).isInstanceOf(JdbcUserTaskStore.class);
    }

    @Test
    void aTaskIsReadBackAsItWasCreated() {
        DefaultUserTaskInstance task = newTask();
        transactions.executeWithoutResult(status -> store.create(task));

        UserTaskInstance read = store.findById(task.getId()).orElseThrow();

        assertSame(read, task);
    }

    @Test
    void aChangeWritesTheDifferenceAndRemovedValuesAreGone() {
        DefaultUserTaskInstance task = newTask();
        transactions.executeWithoutResult(status -> store.create(task));

        transactions.executeWithoutResult(status -> {
            DefaultUserTaskInstance changed = (DefaultUserTaskInstance) store.findById(task.getId()).orElseThrow();
            changed.setActualOwner("lena");
            changed.setStatus(UserTaskState.of("Completed", UserTaskState.TerminationType.COMPLETED));
            changed.setPotentialGroups(Set.of("ops-manager", "hr"));
            changed.setExcludedUsers(Set.of());
            changed.setInput("reason", "changed reason");
            changed.getInputs().remove("suspensionDays");
            changed.setOutput("approved", Boolean.TRUE);
            changed.getMetadata().remove("ProcessId");
            changed.setMetadata("Level", 2);
            changed.removeComment(changed.getComments().get(0));
            Comment second = new Comment(null, "lena");
            second.setContent("approved after the call");
            changed.addComment(second);
            changed.removeAttachment(changed.getAttachments().get(0));
            store.update(changed);
            task.setActualOwner("lena");
            task.setStatus(UserTaskState.of("Completed", UserTaskState.TerminationType.COMPLETED));
            task.setPotentialGroups(Set.of("ops-manager", "hr"));
            task.setExcludedUsers(Set.of());
            task.getInputs().put("reason", "changed reason");
            task.getInputs().remove("suspensionDays");
            task.getOutputs().put("approved", Boolean.TRUE);
            task.getMetadata().remove("ProcessId");
            task.getMetadata().put("Level", 2);
            task.setComments(new ArrayList<>(List.of(second)));
            task.setAttachments(new ArrayList<>());
        });

        assertSame(store.findById(task.getId()).orElseThrow(), task);
        assertThat(count("jbpm_user_tasks_potential_groups", task.getId())).isEqualTo(2);
        assertThat(count("jbpm_user_tasks_excluded_users", task.getId())).isZero();
        assertThat(count("jbpm_user_tasks_metadata", task.getId())).isEqualTo(2);
        assertThat(count("jbpm_user_tasks_comments", task.getId())).isEqualTo(1);
        assertThat(count("jbpm_user_tasks_attachments", task.getId())).isZero();
        assertThat(jdbc.queryForObject("select status || '/' || termination_type from public.jbpm_user_tasks where id = ?", String.class,
                task.getId())).isEqualTo("Completed/COMPLETED");
    }

    @Test
    void aTransactionSeesItsOwnChangesAndARollbackWritesNothing() {
        DefaultUserTaskInstance task = newTask();
        transactions.executeWithoutResult(status -> {
            store.create(task);
            UserTaskInstance first = store.findById(task.getId()).orElseThrow();
            assertThat(store.findById(task.getId()).orElseThrow()).isSameAs(first);
            assertThat(store.exists(task.getId())).isTrue();
            assertThat(ids(store.findByIdentity(IdentityProviders.of("mia", List.of()))))
                    .as("a potential user sees the task created in the same transaction").contains(task.getId());
            status.setRollbackOnly();
        });

        assertThat(store.exists(task.getId())).isFalse();
        assertThat(store.findById(task.getId())).isEmpty();
        assertNoRowsOf(task.getId());
    }

    @Test
    void aUserSeesTheTasksKogitosRuleGivesThem() {
        DefaultUserTaskInstance task = newTask();
        transactions.executeWithoutResult(status -> store.create(task));

        assertThat(ids(store.findByIdentity(IdentityProviders.of("mia", List.of())))).as("potential user").contains(task.getId());
        assertThat(ids(store.findByIdentity(IdentityProviders.of("omar", List.of("ops-manager"))))).as("potential group").contains(task.getId());
        assertThat(ids(store.findByIdentity(IdentityProviders.of("ada", List.of())))).as("admin user").contains(task.getId());
        assertThat(ids(store.findByIdentity(IdentityProviders.of("someone", List.of("compliance"))))).as("admin group").contains(task.getId());
        assertThat(ids(store.findByIdentity(IdentityProviders.of("kim", List.of()))))
                .as("an excluded user who is also a potential user").doesNotContain(task.getId());
        assertThat(ids(store.findByIdentity(IdentityProviders.of("kim", List.of("ops-manager")))))
                .as("an excluded user in a potential group (Kogito's rule excludes only potential users)").contains(task.getId());
        assertThat(ids(store.findByIdentity(IdentityProviders.of("stranger", List.of("streamer"))))).doesNotContain(task.getId());

        transactions.executeWithoutResult(status -> ((DefaultUserTaskInstance) store.findById(task.getId()).orElseThrow()).setActualOwner("lena"));
        assertThat(ids(store.findByIdentity(IdentityProviders.of("lena", List.of())))).as("actual owner").contains(task.getId());
    }

    @Test
    void aRemovedTaskLeavesNoRows() {
        DefaultUserTaskInstance task = newTask();
        transactions.executeWithoutResult(status -> store.create(task));

        transactions.executeWithoutResult(status -> store.remove(store.findById(task.getId()).orElseThrow()));

        assertThat(store.exists(task.getId())).isFalse();
        assertNoRowsOf(task.getId());
    }

    @Test
    void aNestedTransactionWritesItsOwnTasksAndTheOuterRollbackKeepsThem() {
        DefaultUserTaskInstance outer = newTask();
        DefaultUserTaskInstance inner = newTask();
        TransactionTemplate nested = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transactions.executeWithoutResult(status -> {
            store.create(outer);
            nested.executeWithoutResult(innerStatus -> store.create(inner));
            assertThat(store.exists(inner.getId())).as("committed by the nested transaction").isTrue();
            status.setRollbackOnly();
        });

        assertThat(store.exists(inner.getId())).isTrue();
        assertThat(store.exists(outer.getId())).isFalse();
        assertNoRowsOf(outer.getId());
    }

    @Test
    void aTaskCreatedTwiceIsRefusedAndTheFirstStays() {
        DefaultUserTaskInstance task = newTask();
        transactions.executeWithoutResult(status -> store.create(task));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store.create(newTask(task.getId()))))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertSame(store.findById(task.getId()).orElseThrow(), task);
    }

    private static DefaultUserTaskInstance newTask() {
        return newTask(UUID.randomUUID().toString());
    }

    private static DefaultUserTaskInstance newTask(String id) {
        DefaultUserTaskInstance task = new DefaultUserTaskInstance();
        task.setId(id);
        task.setUserTaskId("Task_Level1Approval");
        task.setExternalReferenceId("work-item-" + id);
        task.setTaskName("Approve account action (level 1)");
        task.setTaskDescription("Suspend live streaming for 2 days: 直播违规");
        task.setTaskPriority("5");
        task.setStatus(UserTaskState.of("Reserved"));
        task.setActualOwner(null);
        task.setPotentialUsers(Set.of("mia", "kim"));
        task.setPotentialGroups(Set.of("ops-manager"));
        task.setAdminUsers(Set.of("ada"));
        task.setAdminGroups(Set.of("compliance"));
        task.setExcludedUsers(Set.of("kim"));
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("reason", "repeated violations, \"quoted\"");
        inputs.put("suspensionDays", 2);
        inputs.put("parameters", new LinkedHashMap<>(Map.of("amount", "6000.50", "nested", List.of(1, 2))));
        inputs.put("nothing", null);
        task.setInputs(inputs);
        task.setOutputs(new HashMap<>());
        task.setMetadata(new HashMap<>(Map.of("ProcessId", "account-action-approval", "ProcessInstanceId", "p-" + id)));
        Comment comment = new Comment(UUID.randomUUID().toString(), "mia");
        comment.setContent("please check the recording");
        comment.setUpdatedAt(new Date(1_764_000_000_123L));
        task.setComments(new ArrayList<>(List.of(comment)));
        Attachment attachment = new Attachment(UUID.randomUUID().toString(), "mia");
        attachment.setName("recording.mp4");
        attachment.setContent(URI.create("https://evidence.example/recordings/42"));
        attachment.setUpdatedAt(new Date(1_764_000_001_456L));
        task.setAttachments(new ArrayList<>(List.of(attachment)));
        return task;
    }

    private static void assertSame(UserTaskInstance read, DefaultUserTaskInstance expected) {
        assertThat(read.getId()).isEqualTo(expected.getId());
        assertThat(read.getUserTaskId()).isEqualTo(expected.getUserTaskId());
        assertThat(read.getExternalReferenceId()).isEqualTo(expected.getExternalReferenceId());
        assertThat(read.getTaskName()).isEqualTo(expected.getTaskName());
        assertThat(read.getTaskDescription()).isEqualTo(expected.getTaskDescription());
        assertThat(read.getTaskPriority()).isEqualTo(expected.getTaskPriority());
        assertThat(read.getStatus()).isEqualTo(expected.getStatus());
        assertThat(read.getStatus().getTerminate()).isEqualTo(expected.getStatus().getTerminate());
        assertThat(read.getActualOwner()).isEqualTo(expected.getActualOwner());
        assertThat(read.getPotentialUsers()).containsExactlyInAnyOrderElementsOf(expected.getPotentialUsers());
        assertThat(read.getPotentialGroups()).containsExactlyInAnyOrderElementsOf(expected.getPotentialGroups());
        assertThat(read.getAdminUsers()).containsExactlyInAnyOrderElementsOf(expected.getAdminUsers());
        assertThat(read.getAdminGroups()).containsExactlyInAnyOrderElementsOf(expected.getAdminGroups());
        assertThat(read.getExcludedUsers()).containsExactlyInAnyOrderElementsOf(expected.getExcludedUsers());
        assertThat(read.getInputs()).isEqualTo(expected.getInputs());
        assertThat(read.getOutputs()).isEqualTo(expected.getOutputs());
        assertThat(read.getMetadata()).isEqualTo(expected.getMetadata());
        assertThat(read.getComments()).hasSameSizeAs(expected.getComments());
        for (int i = 0; i < expected.getComments().size(); i++) {
            Comment want = expected.getComments().get(i);
            Comment got = List.copyOf(read.getComments()).get(i);
            assertThat(List.of(got.getId(), got.getUpdatedBy(), got.getContent(), got.getUpdatedAt().getTime()))
                    .isEqualTo(List.of(want.getId(), want.getUpdatedBy(), want.getContent(), want.getUpdatedAt().getTime()));
        }
        assertThat(read.getAttachments()).hasSameSizeAs(expected.getAttachments());
        for (int i = 0; i < expected.getAttachments().size(); i++) {
            Attachment want = expected.getAttachments().get(i);
            Attachment got = List.copyOf(read.getAttachments()).get(i);
            assertThat(List.of(got.getId(), got.getUpdatedBy(), got.getName(), got.getContent(), got.getUpdatedAt().getTime()))
                    .isEqualTo(List.of(want.getId(), want.getUpdatedBy(), want.getName(), want.getContent(), want.getUpdatedAt().getTime()));
        }
    }

    private static List<String> ids(List<UserTaskInstance> tasks) {
        return tasks.stream().map(UserTaskInstance::getId).toList();
    }

    private static void assertNoRowsOf(String taskId) {
        for (String table : CHILD_TABLES) {
            assertThat(count(table, taskId)).as(table).isZero();
        }
    }

    private static int count(String table, String taskId) {
        return jdbc.queryForObject("select count(*) from public." + table + " where task_id = ?", Integer.class, taskId);
    }
}
