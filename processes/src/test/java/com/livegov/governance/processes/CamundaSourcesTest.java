package com.livegov.governance.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Our processes are written in the Camunda Modeler's dialect: on every element the properties panel shows who does a
 * task, which form, which decision, which handler, and the deadline where a task has one; none of Kogito's own
 * task inputs for these is left in the sources (the build makes them). User task ids are unique across processes.
 */
class CamundaSourcesTest {

    private static final Path BPMN = Path.of(System.getProperty("bpmn.directory", "src/main/bpmn"));
    private static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> KOGITO_INPUTS = Set.of("TaskName", "GroupId", "ActorId", "Skippable", "namespace", "model", "decision");

    @Test
    void everySettingABusinessUserChangesIsInTheCamundaPropertiesPanel() throws Exception {
        List<Path> files = files();
        assertThat(files).hasSize(7);
        for (Path file : files) {
            Document bpmn = parse(file);
            Element definitions = bpmn.getDocumentElement();
            assertThat(definitions.getAttributeNS("http://camunda.org/schema/modeler/1.0", "executionPlatform")).isEqualTo("Camunda Platform");
            for (Element task : elements(definitions, "userTask")) {
                String where = file.getFileName() + " " + task.getAttribute("id");
                assertThat(task.getAttributeNS(CAMUNDA, "formKey")).as(where + " form").isNotBlank();
                assertThat(task.getAttributeNS(CAMUNDA, "candidateGroups") + task.getAttributeNS(CAMUNDA, "candidateUsers")
                        + task.getAttributeNS(CAMUNDA, "assignee")).as(where + " who").isNotBlank();
                for (Element boundary : elements(definitions, "boundaryEvent")) {
                    if (boundary.getAttribute("attachedToRef").equals(task.getAttribute("id")) && !elements(boundary, "timerEventDefinition").isEmpty()) {
                        assertThat(task.getAttributeNS(CAMUNDA, "dueDate")).as(where + " due date").isNotBlank();
                    }
                }
            }
            for (Element task : elements(definitions, "businessRuleTask")) {
                assertThat(task.getAttributeNS(CAMUNDA, "decisionRef")).as(file.getFileName() + " " + task.getAttribute("id")).isNotBlank();
                assertThat(task.getAttributeNS(CAMUNDA, "resultVariable")).as(file.getFileName() + " " + task.getAttribute("id")).isNotBlank();
            }
            for (Element task : elements(definitions, "serviceTask")) {
                assertThat(task.getAttributeNS(CAMUNDA, "delegateExpression")).as(file.getFileName() + " " + task.getAttribute("id")).isNotBlank();
                assertThat(task.hasAttributeNS("http://www.jboss.org/drools", "serviceinterface")).isFalse();
            }
            for (Element input : elements(definitions, "dataInput")) {
                Element owner = (Element) input.getParentNode().getParentNode();
                if (Set.of("userTask", "businessRuleTask").contains(owner.getLocalName())) {
                    assertThat(KOGITO_INPUTS).as(file.getFileName() + " " + owner.getAttribute("id") + " input").doesNotContain(input.getAttribute("name"));
                }
            }
            for (Element expression : elements(definitions, "timeDuration")) {
                assertThat(expression.getTextContent()).doesNotContain("#{");
            }
        }
    }

    /** Kogito keys its user-task registry by the task's element id: two processes sharing one would overwrite each other. */
    @Test
    void userTaskIdsAreUniqueAcrossProcesses() throws Exception {
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        for (Path file : files()) {
            for (Element task : elements(parse(file).getDocumentElement(), "userTask")) {
                if (!seen.add(task.getAttribute("id"))) {
                    repeated.add(file.getFileName() + " " + task.getAttribute("id"));
                }
            }
        }
        assertThat(seen).hasSize(28);
        assertThat(repeated).isEmpty();
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> paths = Files.list(BPMN)) {
            return paths.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> elements(Element root, String localName) {
        NodeList nodes = root.getElementsByTagNameNS(MODEL, localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }
}
