package com.livegov.governance.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jbpm.bpmn2.xml.BPMNDISemanticModule;
import org.jbpm.bpmn2.xml.BPMNExtensionsSemanticModule;
import org.jbpm.bpmn2.xml.BPMNSemanticModule;
import org.jbpm.compiler.xml.XmlProcessReader;
import org.jbpm.compiler.xml.core.SemanticModules;
import org.jbpm.ruleflow.core.RuleFlowProcess;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.process.Process;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;

/**
 * Every model, after bpmn-moddle / dmn-moddle (the Camunda Modeler's libraries) read it and wrote it back
 * ({@code modeler/roundtrip.mjs}, run by the build before this test), is still what Kogito and Drools build:
 * the rewritten BPMN parses into the same process with the same nodes, and the rewritten DMN compiles without
 * errors into the same decisions.
 */
class ModelerRoundTripTest {

    private static final Path ROUNDTRIP = Path.of(System.getProperty("roundtrip.directory", "target/roundtrip"));
    private static final Path MODELS = Path.of(System.getProperty("models.directory", "src/main/resources"));
    private static final Path RULES = Path.of(System.getProperty("rules.directory", "../rules/src/main/resources"));

    @Test
    void everyProcessStillParsesIntoTheSameProcessAfterTheModeler() throws Exception {
        List<Path> processes = files(MODELS, ".bpmn");
        assertThat(processes).isNotEmpty();
        for (Path original : processes) {
            Path rewritten = ROUNDTRIP.resolve(original.getFileName());
            assertThat(rewritten).as("written back by the modeler libraries").exists();

            RuleFlowProcess before = parse(Files.readString(original));
            RuleFlowProcess after = parse(Files.readString(rewritten));

            assertThat(after.getId()).isEqualTo(before.getId());
            assertThat(after.getNodes()).hasSameSizeAs(before.getNodes());
            assertThat(after.getVariableScope().getVariables()).hasSameSizeAs(before.getVariableScope().getVariables());
        }
    }

    @Test
    void everyDecisionModelStillCompilesWithoutErrorsAfterTheModeler() throws Exception {
        List<Path> models = files(RULES, ".dmn");
        assertThat(models).isNotEmpty();
        for (Path original : models) {
            Path rewritten = ROUNDTRIP.resolve(original.getFileName());
            assertThat(rewritten).as("written back by the modeler libraries").exists();

            DMNModel before = compile(Files.readString(original));
            DMNModel after = compile(Files.readString(rewritten));

            assertThat(after.getMessages(DMNMessage.Severity.ERROR)).as(rewritten.toString()).isEmpty();
            assertThat(after.getNamespace()).isEqualTo(before.getNamespace());
            assertThat(after.getDecisions()).hasSameSizeAs(before.getDecisions());
        }
    }

    private static RuleFlowProcess parse(String xml) throws Exception {
        SemanticModules modules = new SemanticModules();
        modules.addSemanticModule(new BPMNSemanticModule());
        modules.addSemanticModule(new BPMNExtensionsSemanticModule());
        modules.addSemanticModule(new BPMNDISemanticModule());
        List<Process> processes = new XmlProcessReader(modules, ModelerRoundTripTest.class.getClassLoader()).read(new StringReader(xml));
        assertThat(processes).hasSize(1);
        return (RuleFlowProcess) processes.get(0);
    }

    private static DMNModel compile(String xml) {
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                .fromResources(List.of(ResourceFactory.newReaderResource(new StringReader(xml))))
                .getOrElseThrow(e -> new IllegalStateException(e));
        return runtime.getModels().get(0);
    }

    private static List<Path> files(Path root, String extension) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(extension)).sorted().toList();
        }
    }
}
