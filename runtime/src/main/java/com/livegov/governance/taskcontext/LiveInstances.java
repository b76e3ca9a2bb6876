package com.livegov.governance.taskcontext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kie.api.runtime.process.NodeInstance;
import org.kie.api.runtime.process.NodeInstanceContainer;
import org.kie.kogito.Model;
import org.kie.kogito.internal.process.runtime.KogitoNodeInstance;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.ProcessInstanceReadMode;
import org.kie.kogito.process.Processes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What Kogito holds of a running process instance, read without changing it: its variables, the elements active
 * now and the node instances around a task. Kogito deletes an instance when it ends: then there is nothing.
 */
@Component
class LiveInstances {

    /** A running instance as read. */
    record Live(Map<String, Object> variables, List<String> activeElementIds, Collection<KogitoNodeInstance> nodes) {

        /** The node instance, then the node instances it is nested in (sub-processes), innermost first. */
        List<String> nodeInstanceChain(String nodeInstanceId) {
            List<String> chain = new ArrayList<>();
            if (nodeInstanceId == null) {
                return chain;
            }
            chain.add(nodeInstanceId);
            nodes.stream().filter(node -> nodeInstanceId.equals(node.getStringId())).findFirst().ifPresent(node -> {
                NodeInstanceContainer container = node.getNodeInstanceContainer();
                while (container instanceof NodeInstance enclosing) {
                    chain.add(enclosing instanceof KogitoNodeInstance kogito ? kogito.getStringId() : enclosing.getId());
                    container = enclosing.getNodeInstanceContainer();
                }
            });
            return chain;
        }
    }

    private final ObjectProvider<Processes> processes;

    LiveInstances(ObjectProvider<Processes> processes) {
        this.processes = processes;
    }

    Optional<Live> read(String processId, String processInstanceId) {
        Process<? extends Model> process = processId == null ? null : processes.getObject().processById(processId);
        if (process == null || processInstanceId == null) {
            return Optional.empty();
        }
        return process.instances().findById(processInstanceId, ProcessInstanceReadMode.READ_ONLY).map(LiveInstances::live);
    }

    private static Live live(ProcessInstance<? extends Model> instance) {
        Collection<KogitoNodeInstance> nodes = instance.findNodes(node -> true);
        LinkedHashSet<String> active = new LinkedHashSet<>();
        for (KogitoNodeInstance node : nodes) {
            Object elementId = node.getNode() == null ? null : node.getNode().getMetaData().get("UniqueId");
            if (elementId != null) {
                active.add(elementId.toString());
            }
        }
        Model variables = instance.variables();
        return new Live(variables == null ? Map.of() : variables.toMap(), List.copyOf(active), List.copyOf(nodes));
    }
}
