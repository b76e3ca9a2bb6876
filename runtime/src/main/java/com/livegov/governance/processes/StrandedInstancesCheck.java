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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * or the same format in the folder {@code governance.processes.migration-plans}, covers the instances it names: the
 * check applies it to the stored instances (node ids mapped, version set to the target) before Kogito loads them.
 *
 * <p>{@code governance.processes.startup-check.enabled=false} switches the check off (an emergency lever, logged).
 */
@Component
public class StrandedInstancesCheck implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StrandedInstancesCheck.class);

    private final ObjectProvider<Processes> processes;
    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final String planFolder;
    private final TransactionTemplate transaction;

    StrandedInstancesCheck(ObjectProvider<Processes> processes, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${governance.processes.startup-check.enabled:true}") boolean enabled,
            @Value("${governance.processes.migration-plans:}") String planFolder) {
        this.processes = processes;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
        this.planFolder = planFolder;
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
                + " a Kogito migration plan file (<name>.mpf) in META-INF/migration-plan on the class path or in the folder"
                + " named by governance.processes.migration-plans (see the README,"
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
        Map<Definition, Set<String>> nodes = deployedNodes(deployed);
        Map<Definition, MigrationPlan> plans = migrationPlans(getClass().getClassLoader(), planFolder);
        List<Stranded> stranded = transaction.execute(status -> {
            List<Stranded> found = check(nodes, plans);
            if (found.isEmpty()) {
                migrate(plans);
            }
            return found;
        });
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
    static Map<Definition, MigrationPlan> migrationPlans(ClassLoader classLoader, String folder) {
        Map<Definition, MigrationPlan> plans = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        try {
            List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:META-INF/migration-plan/*.mpf")));
            if (folder != null && !folder.isBlank()) {
                files.addAll(List.of(resolver.getResources("file:" + folder.replaceAll("/+$", "") + "/*.mpf")));
            }
            for (Resource file : files) {
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

    /**
     * Applies the plans to the stored instances they name: every node instance's node id mapped, and the process
     * version set to the plan's target. Kogito applies a plan only when the stored version differs from the deployed
     * one, so a plan that renames nodes within one version is applied here, once (a second start finds nothing to map).
     */
    void migrate(Map<Definition, MigrationPlan> plans) {
        for (Map.Entry<Definition, MigrationPlan> entry : plans.entrySet()) {
            Definition source = entry.getKey();
            MigrationPlan plan = entry.getValue();
            List<Object[]> rewritten = new ArrayList<>();
            jdbc.query("select id, payload from process_instances where process_id = ? and process_version = ? for update", rs -> {
                try {
                    KogitoProcessInstanceProtobuf.ProcessInstance stored = KogitoProcessInstanceProtobuf.ProcessInstance.parseFrom(rs.getBytes(2));
                    KogitoProcessInstanceProtobuf.ProcessInstance migrated = stored.toBuilder()
                            .setContext(mapNodes(stored.getContext(), plan.nodes()))
                            .setProcessId(plan.target().processId())
                            .setProcessVersion(plan.target().version())
                            .build();
                    if (!migrated.equals(stored)) {
                        rewritten.add(new Object[] {migrated.toByteArray(), plan.target().processId(), plan.target().version(), rs.getString(1)});
                    }
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("Cannot read a stored instance of process " + source + ": " + e.getMessage(), e);
                }
            }, source.processId(), source.version());
            for (Object[] row : rewritten) {
                jdbc.update("update process_instances set payload = ?, process_id = ?, process_version = ?, version = version + 1 where id = ?", row);
            }
            if (!rewritten.isEmpty()) {
                LOG.warn("Migrated {} running instance(s) of process {} to {} by plan: {}", rewritten.size(), source, plan.target(), plan.nodes());
            }
        }
    }

    static KogitoTypesProtobuf.WorkflowContext mapNodes(KogitoTypesProtobuf.WorkflowContext context, Map<String, String> nodes) {
        KogitoTypesProtobuf.WorkflowContext.Builder mapped = context.toBuilder().clearNodeInstance();
        for (KogitoTypesProtobuf.NodeInstance node : context.getNodeInstanceList()) {
            KogitoTypesProtobuf.NodeInstance.Builder builder = node.toBuilder().setNodeId(nodes.getOrDefault(node.getNodeId(), node.getNodeId()));
            if (node.hasContent()) {
                builder.setContent(mapContent(node.getContent(), nodes));
            }
            mapped.addNodeInstance(builder);
        }
        return mapped.build();
    }

    private static com.google.protobuf.Any mapContent(com.google.protobuf.Any content, Map<String, String> nodes) {
        try {
            com.google.protobuf.Message inner;
            if (content.is(KogitoNodeInstanceContentsProtobuf.CompositeContextNodeInstanceContent.class)) {
                var c = content.unpack(KogitoNodeInstanceContentsProtobuf.CompositeContextNodeInstanceContent.class);
                inner = c.toBuilder().setContext(mapNodes(c.getContext(), nodes)).build();
            } else if (content.is(KogitoNodeInstanceContentsProtobuf.DynamicNodeInstanceContent.class)) {
                var c = content.unpack(KogitoNodeInstanceContentsProtobuf.DynamicNodeInstanceContent.class);
                inner = c.toBuilder().setContext(mapNodes(c.getContext(), nodes)).build();
            } else if (content.is(KogitoNodeInstanceContentsProtobuf.EventSubProcessNodeInstanceContent.class)) {
                var c = content.unpack(KogitoNodeInstanceContentsProtobuf.EventSubProcessNodeInstanceContent.class);
                inner = c.toBuilder().setContext(mapNodes(c.getContext(), nodes)).build();
            } else if (content.is(KogitoNodeInstanceContentsProtobuf.ForEachNodeInstanceContent.class)) {
                var c = content.unpack(KogitoNodeInstanceContentsProtobuf.ForEachNodeInstanceContent.class);
                inner = c.toBuilder().setContext(mapNodes(c.getContext(), nodes)).build();
            } else {
                return content;
            }
            // keep Kogito's type URL
            return content.toBuilder().setValue(inner.toByteString()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Cannot read a node instance: " + e.getMessage(), e);
        }
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
