package com.livegov.governance.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.livegov.governance.dialect.CamundaDialect;
import com.livegov.governance.dialect.ModelCatalog;
import com.livegov.governance.dialect.Translation;
import org.jbpm.ruleflow.core.validation.RuleFlowProcessValidator;
import org.junit.jupiter.api.Test;
import org.kie.internal.io.ResourceFactory;
import org.kie.kogito.internal.process.workitem.KogitoWorkItem;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemHandler;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemManager;
import org.kie.kogito.internal.process.workitem.WorkItemTransition;
import org.kie.kogito.jobs.JobDescription;
import org.kie.kogito.jobs.JobsService;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.WorkItem;
import org.kie.kogito.process.bpmn2.BpmnProcess;
import org.kie.kogito.process.bpmn2.BpmnVariables;
import org.kie.kogito.process.impl.DefaultProcessEventListenerConfig;
import org.kie.kogito.process.impl.DefaultWorkItemHandlerConfig;
import org.kie.kogito.process.impl.StaticProcessConfig;
import org.kie.kogito.process.workitems.impl.DefaultKogitoWorkItemHandler;
import org.kie.kogito.services.identity.NoOpIdentityProvider;
import org.kie.kogito.services.uow.CollectingUnitOfWorkFactory;
import org.kie.kogito.services.uow.DefaultUnitOfWorkManager;

/**
 * "Done when": a process saved from the Camunda Modeler with changes made only in its properties panel builds and
 * behaves as changed. A copy of the commission settlement differs from ours only in camunda: attributes of its HR
 * review (another candidate group, another form, a due date); both are translated as the build translates them and
 * run on Kogito's process engine (interpreted, with the service tasks answered by a stub): the changed copy's HR
 * review goes to the new group, names the new form and is due when the new due date says, the original's does not.
 */
class ChangedInTheModelerTest {

    private static final Path BPMN = Path.of(System.getProperty("bpmn.directory", "src/main/bpmn"));
    private static final Path FORMS = Path.of(System.getProperty("forms.directory", "../forms/src/main/resources/forms"));
    private static final Path RULES = Path.of(System.getProperty("rules.directory", "../rules/src/main/resources"));

    private static final String ORIGINAL_TASK =
            "camunda:candidateGroups=\"hr\" camunda:formKey=\"ReviewCommissionSettlement\" id=\"Task_ReviewSettlement\"";
    private static final String CHANGED_TASK =
            "camunda:candidateGroups=\"finance-review\" camunda:dueDate=\"PT72H\" camunda:formKey=\"SettleCommission\" id=\"Task_ReviewSettlement\"";

    @Test
    void aChangeMadeOnlyInThePropertiesPanelChangesWhoGetsTheTaskItsFormAndItsDueTime() throws Exception {
        String original = Files.readString(BPMN.resolve("commissionSettlement.bpmn"));
        assertThat(original).contains(ORIGINAL_TASK);
        String changed = original.replace(ORIGINAL_TASK, CHANGED_TASK);
        assertThat(withoutCamundaAttributes(changed)).as("only camunda: attributes differ").isEqualTo(withoutCamundaAttributes(original));

        Started before = startUntilTheHrReview(original);
        assertThat(before.task().getParameters()).containsEntry("GroupId", "hr").containsEntry("TaskName", "ReviewCommissionSettlement");
        assertThat(before.timers()).isEmpty();

        Started after = startUntilTheHrReview(changed);
        assertThat(after.task().getParameters()).containsEntry("GroupId", "finance-review").containsEntry("TaskName", "SettleCommission");
        assertThat(after.timers()).hasSize(1);
        Duration dueIn = Duration.between(after.startedAt(), after.timers().get(0));
        assertThat(dueIn).isBetween(Duration.ofHours(72).minusMinutes(1), Duration.ofHours(72).plusMinutes(1));
    }

    private record Started(WorkItem task, List<ZonedDateTime> timers, ZonedDateTime startedAt) {
    }

    private static Started startUntilTheHrReview(String camundaXml) throws Exception {
        Translation translation = CamundaDialect.translate("commissionSettlement.bpmn", camundaXml, ModelCatalog.read(FORMS, RULES, BPMN));
        assertThat(translation.problems()).isEmpty();
        assertThat(RuleFlowProcessValidator.getInstance().validateProcess(ModelerRoundTripTest.parse(translation.kogitoXml())))
                .as("what Kogito's code generation checks before it compiles a process").isEmpty();

        DefaultWorkItemHandlerConfig handlers = new DefaultWorkItemHandlerConfig();
        handlers.register("Service Task", new AnsweringServiceTasks(Map.of("Result", Map.of("payoutCount", 3, "settlementTotal", "1200.00",
                "largestPayout", "600.00", "directorApprovalRequired", false, "directorApprovalReason", "below the threshold"))));
        handlers.register("Human Task", new DefaultKogitoWorkItemHandler());
        RecordingJobs jobs = new RecordingJobs();
        BpmnProcess process = BpmnProcess.from(new StaticProcessConfig(handlers, new DefaultProcessEventListenerConfig(),
                new DefaultUnitOfWorkManager(new CollectingUnitOfWorkFactory()), jobs, null, new NoOpIdentityProvider(), null),
                ResourceFactory.newByteArrayResource(translation.kogitoXml().getBytes(StandardCharsets.UTF_8))
                        .setSourcePath("commissionSettlement.bpmn")).get(0);

        ZonedDateTime startedAt = ZonedDateTime.now();
        ProcessInstance<BpmnVariables> instance = process.createInstance(BpmnVariables.create(Map.of("month", "2026-11", "startedBy", "hr-lead")));
        instance.start();
        List<WorkItem> tasks = instance.workItems().stream().filter(w -> "Human Task".equals(w.getWorkItemHandlerName())).toList();
        assertThat(tasks).as("the HR review is waiting").hasSize(1);
        assertThat(tasks.get(0).getParameters()).containsEntry("NodeName", "Review the settlement");
        return new Started(tasks.get(0), jobs.expirations, startedAt);
    }

    private static String withoutCamundaAttributes(String xml) {
        return xml.replaceAll(" camunda:[A-Za-z]+=\"[^\"]*\"", "");
    }

    /** The service tasks complete at once with the given results. */
    private static final class AnsweringServiceTasks extends DefaultKogitoWorkItemHandler {

        private final Map<String, Object> results;

        AnsweringServiceTasks(Map<String, Object> results) {
            this.results = results;
        }

        @Override
        public Optional<WorkItemTransition> activateWorkItemHandler(KogitoWorkItemManager manager, KogitoWorkItemHandler handler,
                KogitoWorkItem workItem, WorkItemTransition transition) {
            return Optional.of(handler.completeTransition(workItem.getPhaseStatus(), results));
        }
    }

    /** Records when each scheduled timer would fire. */
    private static final class RecordingJobs implements JobsService {

        final List<ZonedDateTime> expirations = new ArrayList<>();

        @Override
        public String scheduleJob(JobDescription description) {
            expirations.add(description.expirationTime().get());
            return description.id();
        }

        @Override
        public boolean cancelJob(String id) {
            return true;
        }
    }
}
