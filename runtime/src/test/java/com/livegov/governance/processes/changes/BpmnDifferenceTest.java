package com.livegov.governance.processes.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.livegov.governance.processes.changes.BpmnDifference.Difference;
import com.livegov.governance.processes.changes.BpmnDifference.ElementChange;
import com.livegov.governance.processes.changes.BpmnDifference.Kind;
import com.livegov.governance.processes.changes.BpmnDifference.SettingChange;
import org.junit.jupiter.api.Test;

/** The difference between two versions of one process, on small hand-written Kogito-dialect files. */
class BpmnDifferenceTest {

    /** A start, one user task done by a group with a form, a 4-hour deadline, an end; its layout (DI) at x. */
    private static String process(String version, String group, String form, String deadline, int x, String extraTask) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:drools="http://www.jboss.org/drools" id="Definitions_review">
                  <bpmn2:process id="review" name="Review" isExecutable="true" drools:version="%s" drools:packageName="com.example">
                    <bpmn2:startEvent id="Start_Review" name="Asked"/>
                    <bpmn2:sequenceFlow id="Flow_ToReview" sourceRef="Start_Review" targetRef="Task_Review"/>
                    <bpmn2:userTask id="Task_Review" name="Review the request">
                      <bpmn2:ioSpecification>
                        <bpmn2:dataInput id="Task_Review_GroupIdInput" name="GroupId"/>
                        <bpmn2:dataInput id="Task_Review_TaskNameInput" name="TaskName"/>
                      </bpmn2:ioSpecification>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:targetRef>Task_Review_GroupIdInput</bpmn2:targetRef>
                        <bpmn2:assignment><bpmn2:from>%s</bpmn2:from><bpmn2:to>Task_Review_GroupIdInput</bpmn2:to></bpmn2:assignment>
                      </bpmn2:dataInputAssociation>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:targetRef>Task_Review_TaskNameInput</bpmn2:targetRef>
                        <bpmn2:assignment><bpmn2:from>%s</bpmn2:from><bpmn2:to>Task_Review_TaskNameInput</bpmn2:to></bpmn2:assignment>
                      </bpmn2:dataInputAssociation>
                    </bpmn2:userTask>
                    <bpmn2:boundaryEvent id="Timer_ReviewDeadline" name="Deadline" attachedToRef="Task_Review" cancelActivity="true">
                      <bpmn2:timerEventDefinition><bpmn2:timeDuration>%s</bpmn2:timeDuration></bpmn2:timerEventDefinition>
                    </bpmn2:boundaryEvent>
                    %s
                    <bpmn2:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Review" targetRef="End_Review"/>
                    <bpmn2:endEvent id="End_Review" name="Reviewed"/>
                  </bpmn2:process>
                  <bpmndi:BPMNDiagram id="Diagram_review"><bpmndi:BPMNPlane bpmnElement="review">
                    <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="%d" y="80" width="100" height="80"/></bpmndi:BPMNShape>
                  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </bpmn2:definitions>
                """.formatted(version, group, form, deadline, extraTask, x).strip();
    }

    private static String deployed() {
        return process("1.0", "ops-manager", "ReviewForm", "PT4H", 200, "");
    }

    @Test
    void theSameProcessMovedAroundInTheDiagramIsNoChange() {
        Difference difference = BpmnDifference.between(deployed(), process("1.0", "ops-manager", "ReviewForm", "PT4H", 480, ""));

        assertThat(difference.changes()).isEmpty();
        assertThat(difference.none()).isTrue();
    }

    @Test
    void aChangedGroupFormAndDeadlineAreNamedWithTheirValuesBeforeAndAfter() {
        Difference difference = BpmnDifference.between(deployed(), process("1.0", "legal", "LegalReviewForm", "PT8H", 200, ""));

        assertThat(difference.changes()).containsExactly(
                new ElementChange(Kind.CHANGED, "Task_Review", "userTask", "Review the request", List.of(
                        new SettingChange("input:GroupId", "ops-manager", "legal"),
                        new SettingChange("input:TaskName", "ReviewForm", "LegalReviewForm"))),
                new ElementChange(Kind.CHANGED, "Timer_ReviewDeadline", "boundaryEvent", "Deadline", List.of(
                        new SettingChange("timer", "timeDuration PT4H", "timeDuration PT8H"))));
        assertThat(difference.changedIds()).containsExactly("Task_Review", "Timer_ReviewDeadline");
        assertThat(difference.removedIds()).isEmpty();
    }

    @Test
    void addedAndRemovedElementsAndARedirectedFlowAreFound() {
        String changed = process("1.0", "ops-manager", "ReviewForm", "PT4H", 200,
                "<bpmn2:userTask id=\"Task_SecondLook\" name=\"Second look\"/>")
                .replaceAll("(?s)<bpmn2:boundaryEvent .*?</bpmn2:boundaryEvent>", "")
                .replace("<bpmn2:sequenceFlow id=\"Flow_ToEnd\" sourceRef=\"Task_Review\"", "<bpmn2:sequenceFlow id=\"Flow_ToEnd\" sourceRef=\"Task_SecondLook\"");

        Difference difference = BpmnDifference.between(deployed(), changed);

        assertThat(difference.changes()).containsExactly(
                new ElementChange(Kind.ADDED, "Task_SecondLook", "userTask", "Second look", List.of()),
                new ElementChange(Kind.CHANGED, "Flow_ToEnd", "sequenceFlow", null, List.of(
                        new SettingChange("sourceRef", "Task_Review", "Task_SecondLook"))),
                new ElementChange(Kind.REMOVED, "Timer_ReviewDeadline", "boundaryEvent", "Deadline", List.of()));
        assertThat(difference.removedIds()).containsExactly("Timer_ReviewDeadline");
    }

    @Test
    void aNewVersionIsReported() {
        Difference difference = BpmnDifference.between(deployed(), process("2.0", "ops-manager", "ReviewForm", "PT4H", 200, ""));

        assertThat(difference.versionBefore()).isEqualTo("1.0");
        assertThat(difference.versionAfter()).isEqualTo("2.0");
        assertThat(difference.none()).isFalse();
    }

    @Test
    void textThatIsNotOneBpmnProcessIsRefusedInWords() {
        assertThatThrownBy(() -> BpmnDifference.processId("not xml at all"))
                .isInstanceOf(BpmnDifference.NotBpmn.class).hasMessageStartingWith("The file is not well-formed XML");
        assertThatThrownBy(() -> BpmnDifference.processId("<definitions xmlns=\"urn:other\"/>"))
                .isInstanceOf(BpmnDifference.NotBpmn.class).hasMessageContaining("not a BPMN 2.0 model");
        assertThatThrownBy(() -> BpmnDifference.processId(
                "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"a\"/><process id=\"b\"/></definitions>"))
                .isInstanceOf(BpmnDifference.NotBpmn.class).hasMessageContaining("exactly one process; it holds 2");
    }

    @Test
    void anExternalEntityIsNeverRead() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"&x;\"/></definitions>";

        assertThatThrownBy(() -> BpmnDifference.processId(withEntity)).isInstanceOf(BpmnDifference.NotBpmn.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void theChecksNameAProcessIdThatIsNotTheFileNameAndGeneratedElementIds() {
        String xml = process("1.0", "ops-manager", "ReviewForm", "PT4H", 200, "<bpmn2:userTask id=\"Activity_0x1y2z3\" name=\"Look\"/>");

        List<ProcessChanges.Finding> findings = ProcessChanges.checks("reviews.bpmn", xml, "review");

        assertThat(findings).extracting(ProcessChanges.Finding::elementId).containsExactly("review", "Activity_0x1y2z3");
        assertThat(findings.get(0).message()).contains("'review'", "'reviews'");
        assertThat(ProcessChanges.checks("review.bpmn", deployed(), "review")).isEmpty();
    }
}
