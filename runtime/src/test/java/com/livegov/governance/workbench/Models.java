package com.livegov.governance.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The texts of the models that the workbench shows, read from the modules' source folders: every message key they
 * need and the words the model itself uses there (which are the English messages).
 */
final class Models {

    /** The processes as the Camunda Modeler edits them (the build translates them into Kogito's dialect). */
    static final Path PROCESSES = Path.of("../processes/src/main/bpmn");
    /** The processes as the build translated them into Kogito's dialect: what the application serves and runs. */
    static final Path BUILT_PROCESSES = Path.of("../processes/target/classes");
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Path FORMS = Path.of("../forms/src/main/resources/forms");
    static final Path RULES = Path.of("../rules/src/main/resources");
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /** The BPMN elements a diagram shows with their names. */
    private static final Set<String> SHOWN = Set.of("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
            "boundaryEvent", "task", "userTask", "serviceTask", "businessRuleTask", "scriptTask", "manualTask", "sendTask",
            "receiveTask", "callActivity", "subProcess", "adHocSubProcess", "transaction", "exclusiveGateway", "parallelGateway",
            "inclusiveGateway", "eventBasedGateway", "complexGateway", "sequenceFlow", "lane", "participant",
            "dataObjectReference", "dataStoreReference");

    /** Message key to the words of the BPMN files: process names, task names, named elements and annotations. */
    static Map<String, String> processTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            Document bpmn = xml(file);
            Element process = (Element) bpmn.getElementsByTagNameNS(BPMN, "process").item(0);
            String processId = process.getAttribute("id");
            texts.put("process.name." + processId, process.getAttribute("name"));
            for (Element element : elements(bpmn, "*")) {
                if (SHOWN.contains(element.getLocalName()) && !element.getAttribute("name").isBlank()) {
                    texts.put("bpmn." + processId + "." + element.getAttribute("id"), element.getAttribute("name"));
                }
                if (element.getLocalName().equals("textAnnotation")) {
                    texts.put("bpmn." + processId + "." + element.getAttribute("id"), element.getTextContent().strip());
                }
            }
            for (Element task : elements(bpmn, "userTask")) {
                if (task.hasAttributeNS(CAMUNDA, "formKey")) {
                    texts.put("task.name." + task.getAttributeNS(CAMUNDA, "formKey"), task.getAttribute("name"));
                }
                for (Element assignment : elements(task, "assignment")) {
                    String to = assignment.getElementsByTagNameNS(BPMN, "to").item(0).getTextContent();
                    if (to.endsWith("_TaskNameInputX")) {
                        texts.put("task.name." + assignment.getElementsByTagNameNS(BPMN, "from").item(0).getTextContent(),
                                task.getAttribute("name"));
                    }
                }
            }
        }
        return texts;
    }

    /** Message key to the words of the form files: labels, descriptions, texts, options and table columns. */
    static Map<String, String> formTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files(FORMS, ".form")) {
            String form = file.getFileName().toString().replace(".form", "");
            try {
                formTexts(form, json.readTree(file.toFile()).path("components"), texts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    private static void formTexts(String form, JsonNode components, Map<String, String> texts) {
        for (JsonNode component : components) {
            String id = component.has("key") ? component.get("key").asText() : component.get("id").asText();
            String prefix = "form." + form + "." + id + ".";
            for (String text : List.of("label", "description", "text")) {
                if (component.has(text)) {
                    texts.put(prefix + text, component.get(text).asText());
                }
            }
            component.path("values").forEach(option -> texts.put(prefix + "value." + option.get("value").asText(), option.get("label").asText()));
            component.path("columns").forEach(column -> texts.put(prefix + "column." + column.get("key").asText(), column.get("label").asText()));
            formTexts(form, component.path("components"), texts);
        }
    }

    static List<Path> files(Path folder, String ending) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return xml(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document xml(InputStream in) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> elements(Document document, String localName) {
        return list(document.getElementsByTagNameNS(BPMN, localName));
    }

    static List<Element> elements(Element parent, String localName) {
        return list(parent.getElementsByTagNameNS(BPMN, localName));
    }

    static List<Element> list(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private Models() {
    }
}
