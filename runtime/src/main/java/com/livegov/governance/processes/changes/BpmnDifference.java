package com.livegov.governance.processes.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;

import com.livegov.governance.dialect.Xml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What changes between two versions of one process, element by element, as a process owner reads it: the elements
 * added, removed and changed (matched by element id, which is how Kogito resumes a running instance), and for a
 * changed element each setting with its value before and after: the name, who does a task (groups, assignee), its
 * form, the decision a rule task calls, a timer, a condition, where a flow goes. The diagram's layout (BPMN DI) is
 * not a change.
 */
public final class BpmnDifference {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /** The flow elements of a process: what a running instance can wait on or pass through. */
    private static final Set<String> FLOW_ELEMENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "businessRuleTask", "scriptTask",
            "sendTask", "receiveTask", "manualTask", "callActivity", "subProcess", "adHocSubProcess", "transaction",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway", "sequenceFlow");

    /** Attributes that identify or lay out an element rather than configure it. */
    private static final Set<String> NOT_SETTINGS = Set.of("id", "name");

    /** How an element changes. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One setting of a changed element: its key (see {@link #settingsOf}), before and after (null: not set). */
    public record SettingChange(String setting, String before, String after) {
    }

    /** One element that is added, removed or changed; its type is the BPMN element name (userTask, sequenceFlow, ...). */
    public record ElementChange(Kind kind, String elementId, String type, String name, List<SettingChange> settings) {
    }

    /** The whole difference: the process ids and versions on both sides, and the element changes, in document order. */
    public record Difference(String processIdBefore, String processIdAfter, String versionBefore, String versionAfter,
            List<ElementChange> changes) {

        public boolean none() {
            return changes.isEmpty() && Objects.equals(versionBefore, versionAfter) && Objects.equals(processIdBefore, processIdAfter);
        }

        public List<String> removedIds() {
            return changes.stream().filter(c -> c.kind() == Kind.REMOVED).map(ElementChange::elementId).toList();
        }

        public List<String> changedIds() {
            return changes.stream().filter(c -> c.kind() == Kind.CHANGED).map(ElementChange::elementId).toList();
        }
    }

    private BpmnDifference() {
    }

    /** The difference from the deployed text to the changed one; both must be BPMN with one executable process. */
    public static Difference between(String deployedXml, String changedXml) {
        Element before = process(parse(deployedXml));
        Element after = process(parse(changedXml));
        Map<String, Element> beforeElements = flowElements(before);
        Map<String, Element> afterElements = flowElements(after);
        List<ElementChange> changes = new ArrayList<>();
        for (Map.Entry<String, Element> entry : afterElements.entrySet()) {
            Element old = beforeElements.get(entry.getKey());
            Element now = entry.getValue();
            if (old == null) {
                changes.add(new ElementChange(Kind.ADDED, entry.getKey(), now.getLocalName(), name(now), List.of()));
            } else {
                List<SettingChange> settings = compare(settingsOf(old), settingsOf(now));
                if (!settings.isEmpty()) {
                    changes.add(new ElementChange(Kind.CHANGED, entry.getKey(), now.getLocalName(), name(now), settings));
                }
            }
        }
        for (Map.Entry<String, Element> entry : beforeElements.entrySet()) {
            if (!afterElements.containsKey(entry.getKey())) {
                Element old = entry.getValue();
                changes.add(new ElementChange(Kind.REMOVED, entry.getKey(), old.getLocalName(), name(old), List.of()));
            }
        }
        return new Difference(before.getAttribute("id"), after.getAttribute("id"), version(before), version(after), List.copyOf(changes));
    }

    /** The id of the one process in the text (for checks before a difference is made). */
    public static String processId(String xml) {
        return process(parse(xml)).getAttribute("id");
    }

    private static List<SettingChange> compare(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<SettingChange> changes = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changes.add(new SettingChange(key, before.get(key), after.get(key)));
            }
        }
        return changes;
    }

    /**
     * What configures an element, as key and text: {@code name}; its own attributes by qualified name (where a flow
     * goes, what a call activity calls, the boundary timer's task); {@code inside} (the sub-process it is in);
     * {@code condition}; {@code timer}; {@code input:<name>} for each task input (GroupId, ActorId, TaskName: the
     * form, the decision's model and name) with its assigned text or the variable it is taken from; and
     * {@code output:<name>} for each output with the variable it goes to.
     */
    static Map<String, String> settingsOf(Element element) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("name", blankToNull(element.getAttribute("name")));
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()) || NOT_SETTINGS.contains(attribute.getName())) {
                continue;
            }
            settings.put(attribute.getName(), attribute.getValue());
        }
        Node parent = element.getParentNode();
        if (parent instanceof Element container && !"process".equals(container.getLocalName())) {
            settings.put("inside", container.getAttribute("id"));
        }
        for (Element condition : children(element, "conditionExpression")) {
            settings.put("condition", condition.getTextContent().strip());
        }
        for (Element definition : children(element, "timerEventDefinition")) {
            for (Element timer : childElements(definition)) {
                settings.put("timer", timer.getLocalName() + " " + timer.getTextContent().strip());
            }
        }
        Map<String, String> inputNames = new LinkedHashMap<>();
        Map<String, String> outputNames = new LinkedHashMap<>();
        for (Element io : children(element, "ioSpecification")) {
            children(io, "dataInput").forEach(input -> inputNames.put(input.getAttribute("id"), input.getAttribute("name")));
            children(io, "dataOutput").forEach(output -> outputNames.put(output.getAttribute("id"), output.getAttribute("name")));
        }
        for (Element association : children(element, "dataInputAssociation")) {
            String target = text(association, "targetRef");
            String name = inputNames.getOrDefault(target, target);
            String value = assignedValue(association);
            settings.put("input:" + name, value != null ? value : text(association, "sourceRef"));
        }
        for (Element association : children(element, "dataOutputAssociation")) {
            String source = text(association, "sourceRef");
            settings.put("output:" + outputNames.getOrDefault(source, source), text(association, "targetRef"));
        }
        settings.values().removeIf(Objects::isNull);
        return settings;
    }

    private static String assignedValue(Element association) {
        for (Element assignment : children(association, "assignment")) {
            for (Element from : children(assignment, "from")) {
                return from.getTextContent().strip();
            }
        }
        return null;
    }

    private static Map<String, Element> flowElements(Element process) {
        Map<String, Element> elements = new LinkedHashMap<>();
        collect(process, elements);
        return elements;
    }

    private static void collect(Element container, Map<String, Element> elements) {
        for (Element child : childElements(container)) {
            if (BPMN.equals(child.getNamespaceURI()) && FLOW_ELEMENTS.contains(child.getLocalName()) && !child.getAttribute("id").isEmpty()) {
                elements.put(child.getAttribute("id"), child);
                if (Set.of("subProcess", "adHocSubProcess", "transaction").contains(child.getLocalName())) {
                    collect(child, elements);
                }
            }
        }
    }

    private static Element process(Document document) {
        Element root = document.getDocumentElement();
        if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            throw new NotBpmn("The file is not a BPMN 2.0 model (its root element is not bpmn:definitions)");
        }
        List<Element> processes = children(root, "process");
        if (processes.size() != 1) {
            throw new NotBpmn("The file must hold exactly one process; it holds " + processes.size());
        }
        return processes.get(0);
    }

    private static String version(Element process) {
        for (int i = 0; i < process.getAttributes().getLength(); i++) {
            Attr attribute = (Attr) process.getAttributes().item(i);
            if ("version".equals(attribute.getLocalName()) && attribute.getNamespaceURI() != null
                    && (attribute.getNamespaceURI().contains("drools") || attribute.getNamespaceURI().contains("camunda"))) {
                return attribute.getValue();
            }
        }
        return null;
    }

    private static String name(Element element) {
        return blankToNull(element.getAttribute("name"));
    }

    private static String text(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Element child : childElements(parent)) {
            if (BPMN.equals(child.getNamespaceURI()) && localName.equals(child.getLocalName())) {
                found.add(child);
            }
        }
        return found;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Parses without DTDs or external entities (the text comes from an upload), with the translator's parser. */
    static Document parse(String xml) {
        try {
            return Xml.parse(xml);
        } catch (IllegalArgumentException e) {
            throw new NotBpmn("The file is not well-formed XML: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    /** The text is not one BPMN process: the message says why, in words. */
    public static class NotBpmn extends RuntimeException {
        public NotBpmn(String message) {
            super(message);
        }
    }
}
