package com.livegov.governance.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step: a folder in, a folder out, nothing written when any file has a problem, and the catalog read from the folders. */
class TranslateProcessesTest {

    private static final String DMN = """
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="ApprovalChain" namespace="https://example.org/dmn/chain">
              <inputData id="InputData_action" name="action"/>
              <decision id="Decision_ApprovalChain" name="ApprovalChain"/>
            </definitions>""";

    @Test
    void translatesEveryFileOrNone(@TempDir Path folder) throws Exception {
        Path bpmn = Files.createDirectories(folder.resolve("bpmn"));
        Path forms = Files.createDirectories(folder.resolve("forms"));
        Path rules = Files.createDirectories(folder.resolve("rules/approval-chain"));
        Path out = folder.resolve("out");
        Files.writeString(forms.resolve("Level1Approval.form"), "{}");
        Files.writeString(rules.resolve("ApprovalChain.dmn"), DMN);
        Files.writeString(bpmn.resolve("good.bpmn"), CamundaDialectTest.process(
                "<bpmn:userTask id=\"Task_A\" camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\"/>"
                        + "<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"Decision_ApprovalChain\" camunda:resultVariable=\"chain\"/>"));
        Files.writeString(bpmn.resolve("bad.bpmn"), CamundaDialectTest.process(
                "<bpmn:userTask id=\"Task_B\" camunda:formKey=\"Level2Approval\" camunda:candidateGroups=\"hr\"/>"));

        assertThat(TranslateProcesses.translate(bpmn, out, forms, folder.resolve("rules")))
                .containsExactly(new Problem("bad.bpmn", "Task_B", "camunda:formKey",
                        "there is no form 'Level2Approval' in forms/ (the form key is a form's file name without '.form')"));
        assertThat(out).doesNotExist();
        assertThatThrownBy(() -> TranslateProcesses.main(new String[] {bpmn.toString(), out.toString(), forms.toString(),
                folder.resolve("rules").toString()})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 problem(s) in the processes; nothing was translated:")
                .hasMessageContaining("bad.bpmn: element 'Task_B', attribute 'camunda:formKey': there is no form 'Level2Approval'");

        Files.delete(bpmn.resolve("bad.bpmn"));
        assertThat(TranslateProcesses.translate(bpmn, out, forms, folder.resolve("rules"))).isEmpty();
        String kogito = Files.readString(out.resolve("good.bpmn"));
        assertThat(kogito).contains("https://example.org/dmn/chain").contains(">Level1Approval<").doesNotContain("camunda:formKey");
    }
}
