package com.livegov.governance.processes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jbpm.flow.serialization.protobuf.KogitoNodeInstanceContentsProtobuf;
import org.jbpm.flow.serialization.protobuf.KogitoProcessInstanceProtobuf;
import org.jbpm.flow.serialization.protobuf.KogitoTypesProtobuf;
import org.kie.api.definition.process.Node;
import org.kie.api.definition.process.NodeContainer;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * The start-up check of a process change: refuses to start when a running instance in the database waits on a
 * node that the deployed definition no longer has, or belongs to a process or version that is no longer deployed.
 *
 * <p>Kogito keeps an instance by process id and version and resumes it on the deployed definition by node id
 * ({@code process_instances.payload}, protobuf: every active node instance's {@code node_id}, nested for
 * sub-processes and multi-instance nodes). A node removed or renamed in the Modeler strands every instance waiting
 * there; a bumped version makes the old instances invisible. A Kogito migration plan
 * ({@code META-INF/migration-plan/*.mpf} on the class path: source and target process and version, node id pairs),
 * which Kogito applies when it loads such an instance, covers the instances it names.
 *
 * <p>{@code governance.processes.startup-check.enabled=false} switches the check off (an emergency lever, logged).
 */
@Component
public class StrandedInstancesCheck implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StrandedInstancesCheck.class);

    private final ObjectProvider<Processes> processes;
    private final JdbcTemplate jdbc;
    private final boolean enabled;

    StrandedInstancesCheck(ObjectProvider<Processes> processes, JdbcTemplate jdbc,
            @Value("${governance.processes.startup-check.enabled:true}") boolean enabled) {
        this.processes = processes;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    /** A process id and version. */
    record Definition(String processId, String version) {
        @Override
        public String toString() {
            return processId + " version " + version;
        }
    }

    /** Instances of one deployed-or-not definition waiting on one node that the deployed definition lacks. */
    public record Stranded(Definition definition, String nodeId, int instances) {
        String describe() {
            return nodeId == null
                    ? instances + " running instance(s) of process " + definition + ", which is not deployed"
                    : instances + " running instance(s) of process " + definition + " wait on node " + nodeId
                            + ", which the deployed definition no longer has";
        }
    }

    /** Thrown at start when instances would be stranded: the application does not start. */
    public static class StrandedInstancesException extends IllegalStateException {
        private final List<Stranded> stranded;

        StrandedInstancesException(List<Stranded> stranded) {
            super(message(stranded));
            this.stranded = stranded;
        }

        public List<Stranded> stranded() {
            return stranded;
        }
    }

    static String message(List<Stranded> stranded) {
        StringBuilder text = new StringBuilder("Refusing to start: the deployed process definitions would strand running instances.");
        for (Stranded s : stranded) {
            text.append("\n  - ").append(s.describe());
        }
        text.append("\nRestore the node (same element id, same process version), or supply a migration plan for them:"
                + " a Kogito migration plan file META-INF/migration-plan/<name>.mpf on the class path (see the README,"
                + " \"Processes: templates, lint and safe deploys\").");
        return text.toString();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!enabled) {
            LOG.warn("The start-up check of running process instances is switched off (governance.processes.startup-check.enabled=false)");
            return;
        }
        Processes deployed = processes.getIfAvailable();
        if (deployed == null) {
            return;
        }
        List<Stranded> stranded = check(deployedNodes(deployed), migrationPlans(Thread.currentThread().getContextClassLoader()));
        if (!stranded.isEmpty()) {
            StrandedInstancesException refusal = new StrandedInstancesException(stranded);
            LOG.error(refusal.getMessage());
            throw refusal;
        }
        LOG.info("Start-up check: every running process instance waits on a node of its deployed definition");
    }

    /** Every node id (external form, as Kogito stores it) of every deployed definition, nested nodes included. */
    static Map<Definition, Set<String>> deployedNodes(Processes deployed) {
        Map<Definition, Set<String>> nodes = new HashMap<>();
        for (String id : deployed.processIds()) {
            Process<?> process = deployed.processById(id);
            Set<String> ids = new HashSet<>();
            if (process instanceof org.kie.kogito.process.impl.AbstractProcess<?> kogito
                    && kogito.get() instanceof NodeContainer container) {
                collect(container, ids);
            }
            nodes.put(new Definition(id, process.version()), ids);
        }
        return nodes;
    }

    private static void collect(NodeContainer container, Set<String> ids) {
        for (Node node : container.getNodes()) {
            ids.add(node.getId().toExternalFormat());
            if (node instanceof NodeContainer inner) {
                collect(inner, ids);
            }
        }
    }

    /** The node id pairs of every migration plan on the class path, by source process and version. */
    static Map<Definition, MigrationPlan> migrationPlans(ClassLoader classLoader) {
        Map<Definition, MigrationPlan> plans = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver(classLoader).getResources("classpath*:META-INF/migration-plan/*.mpf")) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode plan = json.readTree(in).path("processMigrationPlan");
                    JsonNode source = plan.path("sourceProcessDefinition");
                    JsonNode target = plan.path("targetProcessDefinition");
                    Map<String, String> pairs = new HashMap<>();
                    for (JsonNode pair : plan.path("nodeInstanceMigrationPlan")) {
                        pairs.put(pair.path("sourceNodeId").asText(), pair.path("targetNodeId").asText());
                    }
                    Definition from = new Definition(source.path("processId").asText(), source.path("processVersion").asText());
                    plans.put(from, new MigrationPlan(
                            new Definition(target.path("processId").asText(), target.path("processVersion").asText()), pairs));
                    LOG.info("Migration plan {}: {} to {}, {} node(s)", file.getFilename(), from, plans.get(from).target(), pairs.size());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the migration plans in META-INF/migration-plan: " + e.getMessage(), e);
        }
        return plans;
    }

    /** Where a plan moves the instances of its source definition. */
    record MigrationPlan(Definition target, Map<String, String> nodes) {
    }

    /** The running instances in the database that the deployed definitions (and plans) do not cover. */
    List<Stranded> check(Map<Definition, Set<String>> deployed, Map<Definition, MigrationPlan> plans) {
        Map<Definition, Map<String, Integer>> missing = new TreeMap<>(
                java.util.Comparator.comparing(Definition::processId).thenComparing(Definition::version));
        jdbc.query("select process_id, process_version, payload from process_instances", rs -> {
            Definition stored = new Definition(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            MigrationPlan plan = plans.get(stored);
            Definition resumedOn = plan != null ? plan.target() : stored;
            Set<String> nodes = deployed.get(resumedOn);
            Map<String, Integer> counts = missing.computeIfAbsent(stored, d -> new TreeMap<>());
            if (nodes == null) {
                counts.merge("", 1, Integer::sum);
                return;
            }
            Set<String> waiting = new HashSet<>();
            try {
                KogitoProcessInstanceProtobuf.ProcessInstance instance = KogitoProcessInstanceProtobuf.ProcessInstance.parseFrom(rs.getBytes(3));
                waitingNodes(instance.getContext(), waiting);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("Cannot read a stored instance of process " + stored + ": " + e.getMessage(), e);
            }
            for (String node : waiting) {
                String target = plan != null ? plan.nodes().getOrDefault(node, node) : node;
                if (!nodes.contains(target)) {
                    counts.merge(node, 1, Integer::sum);
                }
            }
        });
        List<Stranded> stranded = new ArrayList<>();
        missing.forEach((definition, counts) -> counts.forEach((node, count) ->
                stranded.add(new Stranded(definition, node.isEmpty() ? null : node, count))));
        return stranded;
    }

    /** The node ids of every active node instance, nested ones too. */
    static void waitingNodes(KogitoTypesProtobuf.WorkflowContext context, Set<String> into) {
        for (KogitoTypesProtobuf.NodeInstance node : context.getNodeInstanceList()) {
            into.add(node.getNodeId());
            if (!node.hasContent()) {
                continue;
            }
            try {
                com.google.protobuf.Any content = node.getContent();
                if (content.is(KogitoNodeInstanceContentsProtobuf.CompositeContextNodeInstanceContent.class)) {
                    waitingNodes(content.unpack(KogitoNodeInstanceContentsProtobuf.CompositeContextNodeInstanceContent.class).getContext(), into);
                } else if (content.is(KogitoNodeInstanceContentsProtobuf.DynamicNodeInstanceContent.class)) {
                    waitingNodes(content.unpack(KogitoNodeInstanceContentsProtobuf.DynamicNodeInstanceContent.class).getContext(), into);
                } else if (content.is(KogitoNodeInstanceContentsProtobuf.EventSubProcessNodeInstanceContent.class)) {
                    waitingNodes(content.unpack(KogitoNodeInstanceContentsProtobuf.EventSubProcessNodeInstanceContent.class).getContext(), into);
                } else if (content.is(KogitoNodeInstanceContentsProtobuf.ForEachNodeInstanceContent.class)) {
                    waitingNodes(content.unpack(KogitoNodeInstanceContentsProtobuf.ForEachNodeInstanceContent.class).getContext(), into);
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("Cannot read node instance " + node.getId() + ": " + e.getMessage(), e);
            }
        }
    }
}
