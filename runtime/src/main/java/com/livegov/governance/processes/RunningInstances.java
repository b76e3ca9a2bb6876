package com.livegov.governance.processes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.livegov.governance.history.ProcessHistory;
import org.kie.kogito.Model;
import org.kie.kogito.internal.process.runtime.KogitoNodeInstance;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessError;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.ProcessInstanceReadMode;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The process instances Kogito holds (running, waiting on a task or a timer, or failed), read through Kogito's own
 * Java API ({@link Processes}) without changing them: their current steps, age, business key and, for a failed
 * one, the error in words. Ended instances are gone from Kogito; their steps stay in the process history.
 */
@Component
public class RunningInstances {

    /** The most instances listed at once per process. */
    static final int MOST_PER_PROCESS = 500;

    private final ObjectProvider<Processes> processes;
    private final ProcessHistory history;
    private final JdbcTemplate jdbc;

    RunningInstances(ObjectProvider<Processes> processes, ProcessHistory history, JdbcTemplate jdbc) {
        this.processes = processes;
        this.history = history;
        this.jdbc = jdbc;
    }

    /** The ids of every process of the application, sorted. */
    public List<String> processIds() {
        return processes.getObject().processIds().stream().sorted().toList();
    }

    public boolean isProcess(String processId) {
        return processId != null && processes.getObject().processIds().contains(processId);
    }

    /** The instances of one process (or of all when {@code processId} is null), oldest first. */
    public List<RunningInstance> of(String processId) {
        List<String> ids = processId == null ? processIds() : List.of(processId);
        List<ProcessInstance<? extends Model>> found = new ArrayList<>();
        for (String id : ids) {
            try (Stream<? extends ProcessInstance<? extends Model>> instances =
                    process(id).instances().stream(ProcessInstanceReadMode.READ_ONLY)) {
                instances.limit(MOST_PER_PROCESS).forEach(found::add);
            }
        }
        Map<String, String> streamers = history.streamersOf(found.stream().map(ProcessInstance::id).toList());
        return found.stream().map(instance -> describe(instance, streamers.get(instance.id())))
                .sorted(Comparator.comparing(RunningInstance::startedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** One instance, while Kogito holds it. */
    public Optional<RunningInstance> find(String processId, String instanceId) {
        return instance(processId, instanceId)
                .map(instance -> describe(instance, history.streamersOf(List.of(instanceId)).get(instanceId)));
    }

    /** The instances about the streamer that Kogito still holds. */
    public List<RunningInstance> ofStreamer(String streamerId) {
        List<RunningInstance> running = new ArrayList<>();
        jdbc.query("select process_id, process_instance_id from governance.process_subjects where streamer_id = ? order by recorded_at",
                rs -> {
                    String processId = rs.getString(1);
                    String instanceId = rs.getString(2);
                    instance(processId, instanceId).ifPresent(instance -> running.add(describe(instance, streamerId)));
                }, streamerId);
        return running;
    }

    /** The instance's variables by name, while Kogito holds it. */
    public Optional<Map<String, Object>> variables(String processId, String instanceId) {
        return instance(processId, instanceId).map(instance -> instance.variables().toMap());
    }

    private Optional<ProcessInstance<? extends Model>> instance(String processId, String instanceId) {
        if (!isProcess(processId) || !isInstanceId(instanceId)) {
            return Optional.empty();
        }
        return process(processId).instances().findById(instanceId, ProcessInstanceReadMode.READ_ONLY).map(found -> found);
    }

    /** Kogito's instance ids are UUIDs; its store refuses anything else with an error, so it is not asked. */
    static boolean isInstanceId(String instanceId) {
        try {
            return instanceId != null && java.util.UUID.fromString(instanceId).toString().equalsIgnoreCase(instanceId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private Process<? extends Model> process(String processId) {
        return (Process<? extends Model>) processes.getObject().processById(processId);
    }

    private RunningInstance describe(ProcessInstance<? extends Model> instance, String streamerId) {
        Map<String, Object> variables = instance.variables().toMap();
        Object subject = variables.get("subject");
        Object streamer = streamerId != null ? streamerId : variables.get("streamerId");
        Instant started = instance.startDate() == null ? null : instance.startDate().toInstant();
        // a sub-process is where its inner steps are; the inner steps say more
        List<InstanceStep> steps = instance.findNodes(node -> !(node.getNode() instanceof org.kie.api.definition.process.NodeContainer)).stream()
                .map(RunningInstances::step)
                .filter(step -> step.elementId() != null)
                .distinct().toList();
        InstanceError error = instance.error().map(problem -> inWords(instance, problem)).orElse(null);
        return new RunningInstance(instance.process().id(), instance.id(), instance.businessKey(), started, state(instance.status()),
                steps, streamer == null ? null : streamer.toString(), subject == null ? null : subject.toString(), error);
    }

    private static InstanceError inWords(ProcessInstance<?> instance, ProcessError problem) {
        Optional<InstanceStep> failedStep = instance.findNodes(node -> Objects.equals(node.getStringId(), problem.failedNodeInstanceId()))
                .stream().map(RunningInstances::step).findFirst();
        return new InstanceError(failedStep.map(InstanceStep::elementId).orElse(problem.failedNodeId()),
                failedStep.map(InstanceStep::name).orElse(null),
                InstanceError.deepestMessage(problem.errorCause(), problem.errorMessage()));
    }

    private static InstanceStep step(KogitoNodeInstance node) {
        Object elementId = node.getNode().getMetaData().get("UniqueId");
        return new InstanceStep(elementId == null ? null : elementId.toString(), node.getNodeName());
    }

    static String state(int status) {
        return switch (status) {
            case ProcessInstance.STATE_ACTIVE -> "ACTIVE";
            case ProcessInstance.STATE_ERROR -> "ERROR";
            case ProcessInstance.STATE_SUSPENDED -> "SUSPENDED";
            case ProcessInstance.STATE_PENDING -> "PENDING";
            case ProcessInstance.STATE_COMPLETED -> "COMPLETED";
            default -> "ABORTED";
        };
    }
}
