package com.livegov.governance.dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a process may refer to: the forms ({@code forms/<name>.form}), the decisions of the DMN models, and the
 * Java handlers of service tasks (interface name to its operations, as the processes declare them in
 * {@code bpmn:interface} elements).
 */
public record ModelCatalog(Set<String> forms, List<Decision> decisions, Map<String, List<String>> handlers) {

    /** One decision: its model's namespace and name, its own id and name, and the model's input data names. */
    public record Decision(String namespace, String model, String id, String name, List<String> inputs) {

        public Decision {
            inputs = List.copyOf(inputs);
        }
    }

    public ModelCatalog {
        forms = Set.copyOf(forms);
        decisions = List.copyOf(decisions);
        handlers = Map.copyOf(handlers);
    }

    /** The decision a {@code camunda:decisionRef} names: by decision id (the Camunda key) or by decision name. */
    public List<Decision> decision(String reference) {
        return decisions.stream().filter(d -> d.id().equals(reference) || d.name().equals(reference)).toList();
    }

    /**
     * The forms of a folder of {@code *.form} files, the decisions of every {@code *.dmn} file under a folder and the
     * handlers declared in every {@code *.bpmn} file under a folder.
     */
    public static ModelCatalog read(Path formsFolder, Path rulesFolder, Path processesFolder) {
        Set<String> forms = new TreeSet<>();
        for (Path form : files(formsFolder, ".form")) {
            String name = form.getFileName().toString();
            forms.add(name.substring(0, name.length() - ".form".length()));
        }
        List<Decision> decisions = new ArrayList<>();
        for (Path dmn : files(rulesFolder, ".dmn")) {
            try {
                decisions.addAll(decisions(Files.readString(dmn)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, List<String>> handlers = new TreeMap<>();
        for (Path bpmn : files(processesFolder, ".bpmn")) {
            try {
                handlers(Files.readString(bpmn)).forEach((name, operations) -> handlers.merge(name, operations, (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    b.stream().filter(o -> !all.contains(o)).forEach(all::add);
                    return all;
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ModelCatalog(forms, decisions, handlers);
    }

    /** The handlers a BPMN file declares: interface implementation name to its operations' names. */
    public static Map<String, List<String>> handlers(String bpmnXml) {
        Map<String, List<String>> handlers = new LinkedHashMap<>();
        for (Element declared : Xml.descendants(Xml.parse(bpmnXml).getDocumentElement(), CamundaDialect.BPMN, "interface")) {
            List<String> operations = new ArrayList<>();
            for (Element operation : Xml.children(declared, CamundaDialect.BPMN, "operation")) {
                operations.add(operation.getAttribute("implementationRef").isEmpty() ? operation.getAttribute("name")
                        : operation.getAttribute("implementationRef"));
            }
            String name = declared.getAttribute("implementationRef").isEmpty() ? declared.getAttribute("name")
                    : declared.getAttribute("implementationRef");
            handlers.put(name, operations);
        }
        return handlers;
    }

    /** The decisions of one DMN model's text. */
    public static List<Decision> decisions(String dmnXml) {
        Document dmn = Xml.parse(dmnXml);
        Element definitions = dmn.getDocumentElement();
        List<String> inputs = new ArrayList<>();
        NodeList inputData = definitions.getElementsByTagNameNS("*", "inputData");
        for (int i = 0; i < inputData.getLength(); i++) {
            inputs.add(((Element) inputData.item(i)).getAttribute("name"));
        }
        List<Decision> decisions = new ArrayList<>();
        NodeList nodes = definitions.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element decision = (Element) nodes.item(i);
            decisions.add(new Decision(definitions.getAttribute("namespace"), definitions.getAttribute("name"),
                    decision.getAttribute("id"), decision.getAttribute("name"), inputs));
        }
        return decisions;
    }

    private static List<Path> files(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a folder: " + folder.toAbsolutePath());
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
