package com.livegov.governance.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jbpm.ruleflow.core.RuleFlowProcess;
import org.jbpm.workflow.core.NodeContainer;
import org.jbpm.workflow.core.node.BoundaryEventNode;
import org.jbpm.workflow.core.node.RuleSetNode;
import org.jbpm.workflow.core.node.Split;
import org.jbpm.workflow.core.node.StateBasedNode;
import org.jbpm.workflow.core.node.SubProcessNode;
import org.jbpm.workflow.core.node.WorkItemNode;
import org.kie.api.definition.process.Node;

/**
 * What Kogito builds a process from, as sorted lines: every node by id with its kind, task inputs and outputs
 * (form, groups, users, decision seam, handler), timers, conditions and boundary attachments. Generated ids and
 * object identities are left out, so two parses of equivalent files describe alike.
 */
final class ProcessDescription {

    private ProcessDescription() {
    }

    static List<String> of(RuleFlowProcess process) {
        List<String> lines = new ArrayList<>();
        lines.add("process " + process.getId() + " " + process.getPackageName() + " " + process.getVersion() + " "
                + process.getVariableScope().getVariables().stream().map(v -> v.getName() + ":" + v.getType().getStringType()).sorted().toList());
        nodes(process.getNodes(), lines);
        return lines.stream().map(ProcessDescription::withoutGeneratedIds).sorted().toList();
    }

    private static String withoutGeneratedIds(String line) {
        return line.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>").replaceAll("@[0-9a-f]+", "@<object>");
    }

    private static void nodes(Node[] nodes, List<String> lines) {
        for (Node node : nodes) {
            String id = (String) node.getMetaData().get("UniqueId");
            lines.add(id + " " + node.getClass().getSimpleName() + " " + node.getName());
            if (node instanceof WorkItemNode work) {
                lines.add(id + " work " + work.getWork().getName() + " " + new TreeMap<>(work.getWork().getParameters()));
                work.getIoSpecification().getDataInputAssociation().forEach(d -> lines.add(id + " in " + d));
                work.getIoSpecification().getDataOutputAssociation().forEach(d -> lines.add(id + " out " + d));
            }
            if (node instanceof SubProcessNode call) {
                lines.add(id + " calls " + call.getProcessId() + " waiting " + call.isWaitForCompletion());
                call.getIoSpecification().getDataInputAssociation().forEach(d -> lines.add(id + " in " + d));
                call.getIoSpecification().getDataOutputAssociation().forEach(d -> lines.add(id + " out " + d));
            }
            if (node instanceof RuleSetNode rule) {
                lines.add(id + " rule " + rule.getRuleType() + " " + rule.getLanguage());
                rule.getIoSpecification().getDataInputAssociation().forEach(d -> lines.add(id + " in " + d));
                rule.getIoSpecification().getDataOutputAssociation().forEach(d -> lines.add(id + " out " + d));
            }
            if (node instanceof StateBasedNode state && state.getTimers() != null) {
                state.getTimers().forEach((timer, action) -> lines.add(id + " timer " + timer.getDelay() + " " + timer.getDate() + " " + timer.getTimeType()));
            }
            if (node instanceof Split split) {
                split.getConstraints().forEach((connection, constraints) -> constraints.forEach(c -> lines.add(id + " condition "
                        + connection.getConnectionId() + " " + (c == null ? "none" : c.getDialect() + " " + c.getConstraint()))));
            }
            if (node instanceof BoundaryEventNode boundary) {
                lines.add(id + " attached to " + boundary.getAttachedToNodeId());
            }
            if (node instanceof NodeContainer container) {
                nodes(container.getNodes(), lines);
            }
        }
    }
}
