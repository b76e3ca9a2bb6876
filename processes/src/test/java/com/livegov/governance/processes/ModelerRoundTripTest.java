package com.livegov.governance.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.livegov.governance.dialect.CamundaDialect;
import com.livegov.governance.dialect.ModelCatalog;
import com.livegov.governance.dialect.Translation;
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
 * Every model, after bpmn-moddle / dmn-moddle (the Camunda Modeler's libraries, with the Camunda 7 extension) read it
 * and wrote it back ({@code modeler/roundtrip.mjs}, run by the build before this test), is still what Kogito and
 * Drools build: each process, saved as the Modeler saves it, translates without a problem into the same process
 * (same nodes, the same task inputs such as form, groups and users, the same timers, conditions, decisions and
 * handlers) as the file the build translated; the rewritten DMN compiles without errors into the same decisions.
 */
class ModelerRoundTripTest {

    private static final Path ROUNDTRIP = Path.of(System.getProperty("roundtrip.directory", "target/roundtrip"));
    /** The processes as the build translated them (the Kogito dialect the jar carries). */
    private static final Path MODELS = Path.of(System.getProperty("models.directory", "target/classes"));
    private static final Path BPMN = Path.of(System.getProperty("bpmn.directory", "src/main/bpmn"));
    private static final Path FORMS = Path.of(System.getProperty("forms.directory", "../forms/src/main/resources/forms"));
    private static final Path RULES = Path.of(System.getProperty("rules.directory", "../rules/src/main/resources"));

    @Test
    void everyProcessSavedByTheModelerTranslatesIntoTheSameProcess() throws Exception {
        ModelCatalog catalog = ModelCatalog.read(FORMS, RULES, BPMN);
        List<Path> sources = files(BPMN, ".bpmn");
        assertThat(sources).hasSize(7);
        for (Path source : sources) {
            Path rewritten = ROUNDTRIP.resolve(source.getFileName());
            assertThat(rewritten).as("written back by the modeler libraries").exists();
            assertThat(Files.readString(rewritten)).as("the Camunda settings survive the Modeler").contains("camunda:formKey=");

            Translation translation = CamundaDialect.translate(rewritten.getFileName().toString(), Files.readString(rewritten), catalog);
            assertThat(translation.problems()).as(rewritten.toString()).isEmpty();

            RuleFlowProcess built = parse(Files.readString(MODELS.resolve(source.getFileName())));
            RuleFlowProcess after = parse(translation.kogitoXml());
            assertThat(after.getId()).isEqualTo(built.getId());
            assertThat(after.getVersion()).isEqualTo(built.getVersion());
            assertThat(after.getPackageName()).isEqualTo(built.getPackageName());
            assertThat(after.getVariableScope().getVariables()).hasSameSizeAs(built.getVariableScope().getVariables());
            assertThat(ProcessDescription.of(after)).as(source.toString()).isEqualTo(ProcessDescription.of(built));
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

    static RuleFlowProcess parse(String xml) throws Exception {
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
