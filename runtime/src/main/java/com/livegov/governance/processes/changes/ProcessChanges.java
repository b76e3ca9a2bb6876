package com.livegov.governance.processes.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.livegov.governance.dialect.CamundaDialect;
import com.livegov.governance.dialect.ModelCatalog;
import com.livegov.governance.dialect.Translation;
import com.livegov.governance.processes.InstanceStep;
import com.livegov.governance.processes.RunningInstance;
import com.livegov.governance.processes.RunningInstances;
import com.livegov.governance.processes.changes.BpmnDifference.Difference;
import com.livegov.governance.processes.changes.BpmnDifference.ElementChange;
import com.livegov.governance.processes.changes.BpmnDifference.Kind;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * What a process file edited in the Camunda Modeler would change if it were built and deployed, before anyone builds
 * it: the build's translation into Kogito's dialect (with every problem, naming element and attribute), the
 * project's own checks of the build's lint (the process id is the file name; readable element ids), the difference
 * against the deployed definition, element by element, and the running instances it would affect: those waiting on
 * an element it removes are stranded (the start-up check refuses such a deploy without a migration plan), those on
 * an element it changes continue on the changed one. Nothing is stored or deployed.
 */
@Service
public class ProcessChanges {

    /** Element ids the Camunda Modeler generates (Activity_0x1y2z3, Gateway_1abcd9z, Flow_...): say what the element is instead. */
    private static final Pattern GENERATED_ID = Pattern.compile(
            "(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SequenceFlow|DataObjectReference|Participant|Lane|TextAnnotation|Association)_[0-9a-z]{7}");
    /** At most this many instance ids are listed per element. */
    static final int LISTED_INSTANCES = 20;

    private final RunningInstances running;
    private final ModelCatalog catalog;
    private final Map<String, String> deployed;

    ProcessChanges(RunningInstances running) {
        this.running = running;
        this.deployed = deployedDefinitions();
        this.catalog = catalogOnClassPath(deployed);
    }

    /** One finding of the translation or of the checks: the element (its id), the attribute, and a plain message. */
    public record Finding(String source, String elementId, String attribute, String message) {
    }

    /** Running instances at one element that the change removes (stranded) or changes (they continue on it). */
    public record Affected(String elementId, String elementName, Kind kind, int instances, List<String> instanceIds) {
    }

    /**
     * The review of one file. {@code difference} and {@code affected} are absent when the file cannot be translated
     * (or, for {@code affected}, when it is a new process).
     */
    public record Review(String fileName, String processId, boolean newProcess, List<Finding> findings, Difference difference,
            List<Affected> affected) {

        @JsonProperty("deployable")
        public boolean deployable() {
            return findings.isEmpty() && affected.stream().noneMatch(a -> a.kind() == Kind.REMOVED);
        }

        @JsonProperty("strandedInstances")
        public int strandedInstances() {
            return affected.stream().filter(a -> a.kind() == Kind.REMOVED).mapToInt(Affected::instances).sum();
        }
    }

    /** The process ids deployed in this application. */
    public Set<String> deployedProcessIds() {
        return new TreeSet<>(deployed.keySet());
    }

    /**
     * Reviews the text of a file the Modeler saved. Throws {@link BpmnDifference.NotBpmn} when the text is not a BPMN
     * model with one process (the caller answers 400).
     */
    public Review review(String fileName, String xml) {
        String processId = BpmnDifference.processId(xml);
        List<Finding> findings = new ArrayList<>();
        Translation translation = CamundaDialect.translate(fileName, xml, catalog);
        translation.problems().forEach(p -> findings.add(new Finding("translation", p.elementId(), p.attribute(), p.message())));
        findings.addAll(checks(fileName, xml, processId));
        String before = deployed.get(processId);
        if (!translation.ok()) {
            return new Review(fileName, processId, before == null, List.copyOf(findings), null, List.of());
        }
        if (before == null) {
            return new Review(fileName, processId, true, List.copyOf(findings), null, List.of());
        }
        Difference difference = BpmnDifference.between(before, translation.kogitoXml());
        return new Review(fileName, processId, false, List.copyOf(findings), difference, affected(processId, difference, before));
    }

    /** The rules of the build's lint that concern the file as a whole: its process id, and element ids a reader can follow. */
    static List<Finding> checks(String fileName, String xml, String processId) {
        List<Finding> findings = new ArrayList<>();
        String base = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.bpmn2?$", "");
        if (!base.isEmpty() && !base.equals(processId)) {
            findings.add(new Finding("check", processId, "id",
                    "The process id '" + processId + "' must equal the file name '" + base + "' (Kogito finds the process by it)"));
        }
        var generated = GENERATED_ID.matcher(xml);
        Set<String> seen = new TreeSet<>();
        while (generated.find()) {
            String id = generated.group();
            if (seen.add(id) && xml.contains("id=\"" + id + "\"")) {
                findings.add(new Finding("check", id, "id",
                        "Give this element a readable id (for example Task_LegalReview): the id is how running instances find it"));
            }
        }
        return findings;
    }

    private List<Affected> affected(String processId, Difference difference, String deployedXml) {
        Map<String, Kind> touched = new HashMap<>();
        difference.removedIds().forEach(id -> touched.put(id, Kind.REMOVED));
        difference.changedIds().forEach(id -> touched.put(id, Kind.CHANGED));
        boolean versionChanges = difference.versionBefore() != null && !difference.versionBefore().equals(difference.versionAfter());
        Map<String, List<String>> instancesAt = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (RunningInstance instance : running.of(processId)) {
            for (InstanceStep step : instance.steps()) {
                String at = step.elementId();
                if (at == null || (!versionChanges && !touched.containsKey(at))) {
                    continue;
                }
                instancesAt.computeIfAbsent(at, k -> new ArrayList<>()).add(instance.instanceId());
                names.putIfAbsent(at, step.name());
            }
        }
        List<Affected> affected = new ArrayList<>();
        instancesAt.forEach((elementId, ids) -> {
            // a new version makes every running instance of the old one invisible to Kogito: all of them are stranded
            Kind kind = versionChanges ? Kind.REMOVED : touched.get(elementId);
            affected.add(new Affected(elementId, names.get(elementId), kind, ids.size(), ids.stream().limit(LISTED_INSTANCES).toList()));
        });
        return affected;
    }

    private static Map<String, String> deployedDefinitions() {
        Map<String, String> definitions = new HashMap<>();
        for (Resource resource : resources("classpath*:/*.bpmn")) {
            String xml = read(resource);
            definitions.put(BpmnDifference.processId(xml), xml);
        }
        return definitions;
    }

    /** What a process may refer to in this application: its forms, its decisions and the handlers the processes declare. */
    private static ModelCatalog catalogOnClassPath(Map<String, String> deployed) {
        Set<String> forms = new TreeSet<>();
        for (Resource form : resources("classpath*:/forms/*.form")) {
            forms.add(Optional.ofNullable(form.getFilename()).orElse("").replaceAll("\\.form$", ""));
        }
        List<ModelCatalog.Decision> decisions = new ArrayList<>();
        for (Resource dmn : resources("classpath*:/*/*.dmn")) {
            decisions.addAll(ModelCatalog.decisions(read(dmn)));
        }
        Map<String, List<String>> handlers = new HashMap<>();
        deployed.values().forEach(xml -> ModelCatalog.handlers(xml).forEach(handlers::putIfAbsent));
        return new ModelCatalog(forms, decisions, handlers);
    }

    private static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
