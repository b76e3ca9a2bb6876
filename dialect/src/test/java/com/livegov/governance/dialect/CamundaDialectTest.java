package com.livegov.governance.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every mapping of the Camunda dialect into Kogito's, and every refusal, on small processes written as the Modeler writes them. */
class CamundaDialectTest {

    static final ModelCatalog CATALOG = new ModelCatalog(Set.of("Level1Approval", "Level2Approval"),
            List.of(new ModelCatalog.Decision("https://example.org/dmn/chain", "ApprovalChain", "Decision_ApprovalChain", "ApprovalChain",
                            List.of("action", "severity", "notAVariable")),
                    new ModelCatalog.Decision("https://example.org/dmn/a", "A", "Decision_Same1", "Same", List.of()),
                    new ModelCatalog.Decision("https://example.org/dmn/b", "B", "Decision_Same2", "Same", List.of())),
            Map.of("com.example.ActionExecution", List.of("verify", "execute"), "com.example.Notifier", List.of("send")));

    /** A process with the variables action, severity, level1Group, deadline, chain, approved, count and opsManagers around the given elements. */
    static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"
                    modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.22.0">
                  <bpmn:itemDefinition id="Item_String" structureRef="String"/>
                  <bpmn:itemDefinition id="Item_Map" structureRef="java.util.Map"/>
                  <bpmn:itemDefinition id="Item_Boolean" structureRef="Boolean"/>
                  <bpmn:itemDefinition id="Item_List" structureRef="java.util.List"/>
                  <bpmn:process id="demo" name="Demo" isExecutable="true" camunda:historyTimeToLive="180">
                    <bpmn:property id="action" name="action" itemSubjectRef="Item_String"/>
                    <bpmn:property id="severity" name="severity" itemSubjectRef="Item_String"/>
                    <bpmn:property id="level1Group" name="level1Group" itemSubjectRef="Item_String"/>
                    <bpmn:property id="deadline" name="deadline" itemSubjectRef="Item_String"/>
                    <bpmn:property id="chain" name="chain" itemSubjectRef="Item_Map"/>
                    <bpmn:property id="approved" name="approved" itemSubjectRef="Item_Boolean"/>
                    <bpmn:property id="count" name="count" itemSubjectRef="Item_String"/>
                    <bpmn:property id="opsManagers" name="opsManagers" itemSubjectRef="Item_List"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements);
    }

    static Translation translate(String elements) {
        return CamundaDialect.translate("demo.bpmn", process(elements), CATALOG);
    }

    static Document ok(String elements) {
        Translation translation = translate(elements);
        assertThat(translation.problems()).isEmpty();
        assertThat(translation.ok()).isTrue();
        assertThat(translation.kogitoXml()).doesNotContain("camunda:");
        return Xml.parse(translation.kogitoXml());
    }

    static Problem refused(String elements) {
        Translation translation = translate(elements);
        assertThat(translation.problems()).hasSize(1);
        assertThat(translation.kogitoXml()).isNull();
        return translation.problems().get(0);
    }

    static Element byId(Document document, String id) {
        return Xml.descendants(document.getDocumentElement(), "*", "*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no element " + id));
    }

    /** What a data input of an element receives: the literal of its assignment, or "var:" and the variable of its association. */
    static String input(Document document, String elementId, String name) {
        Element element = byId(document, elementId);
        Element io = Xml.child(element, CamundaDialect.BPMN, "ioSpecification");
        String id = null;
        for (Element input : Xml.children(io, CamundaDialect.BPMN, "dataInput")) {
            if (input.getAttribute("name").equals(name)) {
                assertThat(id).as("one data input " + name).isNull();
                id = input.getAttribute("id");
                String inputId = id;
                assertThat(Xml.descendants(Xml.child(io, CamundaDialect.BPMN, "inputSet"), CamundaDialect.BPMN, "dataInputRefs"))
                        .anyMatch(ref -> ref.getTextContent().equals(inputId));
            }
        }
        if (id == null) {
            return null;
        }
        for (Element association : Xml.children(element, CamundaDialect.BPMN, "dataInputAssociation")) {
            if (Xml.child(association, CamundaDialect.BPMN, "targetRef").getTextContent().equals(id)) {
                Element source = Xml.child(association, CamundaDialect.BPMN, "sourceRef");
                if (source != null) {
                    return "var:" + source.getTextContent();
                }
                Element assignment = Xml.child(association, CamundaDialect.BPMN, "assignment");
                assertThat(Xml.child(assignment, CamundaDialect.BPMN, "to").getTextContent()).isEqualTo(id);
                return Xml.child(assignment, CamundaDialect.BPMN, "from").getTextContent();
            }
        }
        throw new AssertionError("data input " + name + " has no association");
    }

    /** Data output name → variable of an element's output associations. */
    static List<String> outputs(Document document, String elementId) {
        Element element = byId(document, elementId);
        Element io = Xml.child(element, CamundaDialect.BPMN, "ioSpecification");
        List<String> found = new ArrayList<>();
        for (Element output : Xml.children(io, CamundaDialect.BPMN, "dataOutput")) {
            for (Element association : Xml.children(element, CamundaDialect.BPMN, "dataOutputAssociation")) {
                if (Xml.child(association, CamundaDialect.BPMN, "sourceRef").getTextContent().equals(output.getAttribute("id"))) {
                    found.add(output.getAttribute("name") + "->" + Xml.child(association, CamundaDialect.BPMN, "targetRef").getTextContent());
                }
            }
        }
        return found;
    }

    static String task(String attributes) {
        return "<bpmn:userTask id=\"Task_A\" name=\"A\" " + attributes + "/>";
    }

    @Nested
    class UserTasks {

        @Test
        void theFormKeyNamesTheFormAndTheCandidateGroupTheGroup() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"ops-manager\""));
            assertThat(input(kogito, "Task_A", "TaskName")).isEqualTo("Level1Approval");
            assertThat(input(kogito, "Task_A", "GroupId")).isEqualTo("ops-manager");
            assertThat(input(kogito, "Task_A", "ActorId")).isNull();
            assertThat(input(kogito, "Task_A", "Skippable")).isEqualTo("false");
        }

        @Test
        void groupsFromExpressionsAreResolvedWhenTheTaskStarts() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"${level1Group}, director\""));
            assertThat(input(kogito, "Task_A", "GroupId")).isEqualTo("#{level1Group},director");
        }

        @Test
        void theAssigneeAndCandidateUsersArePotentialOwners() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:assignee=\"${action}\""));
            assertThat(input(kogito, "Task_A", "ActorId")).isEqualTo("#{action}");
            kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:assignee=\"alice\" camunda:candidateUsers=\"bob, alice\""));
            assertThat(input(kogito, "Task_A", "ActorId")).isEqualTo("alice,bob");
        }

        @Test
        void aMultiInstanceItemIsPassedByAssociation() {
            Document kogito = ok("""
                    <bpmn:subProcess id="Sub">
                      <bpmn:userTask id="Task_A" name="A" camunda:formKey="Level1Approval" camunda:assignee="${opsManager}"/>
                      <bpmn:multiInstanceLoopCharacteristics>
                        <bpmn:loopDataInputRef>opsManagers</bpmn:loopDataInputRef>
                        <bpmn:inputDataItem id="opsManager" name="opsManager" itemSubjectRef="Item_String"/>
                      </bpmn:multiInstanceLoopCharacteristics>
                    </bpmn:subProcess>""");
            assertThat(input(kogito, "Task_A", "ActorId")).isEqualTo("var:opsManager");
        }

        @Test
        void aPriorityIsATaskInput() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:priority=\"5\""));
            assertThat(input(kogito, "Task_A", "Priority")).isEqualTo("5");
        }

        @Test
        void theCamundaSettingReplacesAKogitoInputOfTheSameName() {
            Document kogito = ok("""
                    <bpmn:userTask id="Task_A" name="A" camunda:formKey="Level2Approval" camunda:candidateGroups="hr">
                      <bpmn:ioSpecification>
                        <bpmn:dataInput id="Task_A_TaskNameInputX" name="TaskName"/>
                        <bpmn:inputSet><bpmn:dataInputRefs>Task_A_TaskNameInputX</bpmn:dataInputRefs></bpmn:inputSet>
                        <bpmn:outputSet/>
                      </bpmn:ioSpecification>
                      <bpmn:dataInputAssociation>
                        <bpmn:targetRef>Task_A_TaskNameInputX</bpmn:targetRef>
                        <bpmn:assignment><bpmn:from>Level1Approval</bpmn:from><bpmn:to>Task_A_TaskNameInputX</bpmn:to></bpmn:assignment>
                      </bpmn:dataInputAssociation>
                    </bpmn:userTask>""");
            assertThat(input(kogito, "Task_A", "TaskName")).isEqualTo("Level2Approval");
        }

        @Test
        void aDueDateWithoutDeadlineTimerBecomesATimerThatOnlyMarksTheDueTime() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:dueDate=\"PT48H\""));
            Element timer = byId(kogito, "Task_A" + CamundaDialect.DUE_DATE_SUFFIX);
            assertThat(timer.getLocalName()).isEqualTo("boundaryEvent");
            assertThat(timer.getAttribute("attachedToRef")).isEqualTo("Task_A");
            assertThat(timer.getAttribute("cancelActivity")).isEqualTo("false");
            assertThat(Xml.descendants(timer, CamundaDialect.BPMN, "timeDuration").get(0).getTextContent()).isEqualTo("PT48H");
            Element flow = byId(kogito, "Task_A_DueDate_Flow");
            assertThat(Xml.descendants(timer, CamundaDialect.BPMN, "outgoing").get(0).getTextContent()).isEqualTo("Task_A_DueDate_Flow");
            assertThat(flow.getAttribute("sourceRef")).isEqualTo("Task_A_DueDate");
            assertThat(flow.getAttribute("targetRef")).isEqualTo("Task_A_DueDate_End");
            Element end = byId(kogito, "Task_A_DueDate_End");
            assertThat(end.getLocalName()).isEqualTo("endEvent");
            assertThat(Xml.descendants(end, CamundaDialect.BPMN, "eventDefinitionRef")).isEmpty();
            assertThat(Xml.children(end, CamundaDialect.BPMN, null)).extracting(Element::getLocalName).containsExactly("incoming");
        }

        @Test
        void aDueDateFromAVariableAndAnAbsoluteDueDate() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:dueDate=\"${deadline}\""));
            assertThat(Xml.descendants(byId(kogito, "Task_A_DueDate"), CamundaDialect.BPMN, "timeDuration").get(0).getTextContent())
                    .isEqualTo("#{deadline}");
            kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:dueDate=\"2027-01-31T12:00:00Z\""));
            assertThat(Xml.descendants(byId(kogito, "Task_A_DueDate"), CamundaDialect.BPMN, "timeDate").get(0).getTextContent())
                    .isEqualTo("2027-01-31T12:00:00Z");
        }

        @Test
        void aDueDateEqualToTheTasksDeadlineTimerIsThatTimer() {
            Document kogito = ok(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:dueDate=\"${deadline}\"") + """
                    <bpmn:boundaryEvent id="Timer_Deadline" attachedToRef="Task_A">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>${deadline}</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:boundaryEvent>""");
            assertThat(Xml.descendants(kogito.getDocumentElement(), CamundaDialect.BPMN, "boundaryEvent")).hasSize(1);
            assertThat(Xml.descendants(byId(kogito, "Timer_Deadline"), CamundaDialect.BPMN, "timeDuration").get(0).getTextContent())
                    .isEqualTo("#{deadline}");
        }

        @Test
        void refusesADueDateThatDiffersFromTheTasksDeadlineTimer() {
            Problem problem = refused(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:dueDate=\"PT1H\"") + """
                    <bpmn:boundaryEvent id="Timer_Deadline" attachedToRef="Task_A">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>${deadline}</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:boundaryEvent>""");
            assertThat(problem).isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:dueDate", "this task has the deadline timer "
                    + "'Timer_Deadline', which is when it is due: give the due date the timer's value, or change the timer"));
        }

        @Test
        void refusesADueDateThatIsNoDurationDateOrVariable() {
            assertThat(refused(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:dueDate=\"tomorrow\"")).message())
                    .isEqualTo("a due date is an ISO-8601 duration (PT24H), an ISO-8601 date and time or ${variable}");
        }

        @Test
        void refusesAFormThatDoesNotExist() {
            Problem problem = refused(task("camunda:formKey=\"Level3Approval\" camunda:candidateGroups=\"hr\""));
            assertThat(problem).isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:formKey",
                    "there is no form 'Level3Approval' in forms/ (the form key is a form's file name without '.form')"));
            assertThat(problem.toString()).isEqualTo("demo.bpmn: element 'Task_A', attribute 'camunda:formKey': there is no form "
                    + "'Level3Approval' in forms/ (the form key is a form's file name without '.form')");
            assertThat(refused(task("camunda:formKey=\"embedded:app:forms/x.html\" camunda:candidateGroups=\"hr\"")).attribute())
                    .isEqualTo("camunda:formKey");
        }

        @Test
        void refusesATaskWithoutForm() {
            assertThat(refused(task("camunda:candidateGroups=\"hr\""))).isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:formKey",
                    "a user task needs a form: set Forms > Form key to the name of a form in forms/"));
        }

        @Test
        void refusesATaskThatNobodyDoes() {
            assertThat(refused(task("camunda:formKey=\"Level1Approval\""))).isEqualTo(new Problem("demo.bpmn", "Task_A",
                    "camunda:candidateGroups", "nobody does this task: set Assignee, Candidate users or Candidate groups"));
        }

        @Test
        void refusesUnknownVariablesAndOtherExpressionsInAssignments() {
            assertThat(refused(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"${level9Group}\"")))
                    .isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:candidateGroups", "there is no process variable 'level9Group'"));
            assertThat(refused(task("camunda:formKey=\"Level1Approval\" camunda:assignee=\"${route.get('x')}\"")))
                    .isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:assignee",
                            "'${route.get('x')}' is neither a name nor ${variable}: other expressions are not supported"));
        }

        @Test
        void refusesListenersFollowUpDatesAndAsynchronousContinuations() {
            assertThat(refused("""
                    <bpmn:userTask id="Task_A" name="A" camunda:formKey="Level1Approval" camunda:candidateGroups="hr">
                      <bpmn:extensionElements><camunda:taskListener class="com.example.L" event="create"/></bpmn:extensionElements>
                    </bpmn:userTask>""")).isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:taskListener",
                    "listeners are not supported: model what should happen as a task of the process"));
            assertThat(refused(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:followUpDate=\"P1D\"")))
                    .isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:followUpDate", "follow-up dates are not supported: use a due date"));
            assertThat(refused(task("camunda:formKey=\"Level1Approval\" camunda:candidateGroups=\"hr\" camunda:asyncBefore=\"true\"")))
                    .isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:asyncBefore",
                            "asynchronous continuations are not supported: Kogito runs each step in the transaction of the one before"));
        }

        @Test
        void refusesGeneratedForms() {
            assertThat(refused("""
                    <bpmn:userTask id="Task_A" name="A" camunda:formKey="Level1Approval" camunda:candidateGroups="hr">
                      <bpmn:extensionElements><camunda:formData><camunda:formField id="x" type="string"/></camunda:formData></bpmn:extensionElements>
                    </bpmn:userTask>""")).isEqualTo(new Problem("demo.bpmn", "Task_A", "camunda:formData",
                    "generated forms are not supported: set a Form key naming a form in forms/"));
        }
    }

    @Nested
    class RuleTasks {

        @Test
        void theDecisionReferenceAndResultVariableBecomeTheDmnSeam() {
            Document kogito = ok("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"ApprovalChain\" camunda:resultVariable=\"chain\"/>");
            Element task = byId(kogito, "Task_Rule");
            assertThat(task.getAttribute("implementation")).isEqualTo("http://www.jboss.org/drools/dmn");
            assertThat(input(kogito, "Task_Rule", "namespace")).isEqualTo("https://example.org/dmn/chain");
            assertThat(input(kogito, "Task_Rule", "model")).isEqualTo("ApprovalChain");
            assertThat(input(kogito, "Task_Rule", "decision")).isEqualTo("ApprovalChain");
            assertThat(input(kogito, "Task_Rule", "action")).isEqualTo("var:action");
            assertThat(input(kogito, "Task_Rule", "severity")).isEqualTo("var:severity");
            assertThat(input(kogito, "Task_Rule", "notAVariable")).isNull();
            assertThat(outputs(kogito, "Task_Rule")).containsExactly("ApprovalChain->chain");
        }

        @Test
        void theDecisionCanBeNamedByItsId() {
            Document kogito = ok("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"Decision_Same2\" camunda:resultVariable=\"chain\" "
                    + "camunda:mapDecisionResult=\"singleResult\" camunda:decisionRefBinding=\"latest\"/>");
            assertThat(input(kogito, "Task_Rule", "namespace")).isEqualTo("https://example.org/dmn/b");
            assertThat(input(kogito, "Task_Rule", "decision")).isEqualTo("Same");
        }

        @Test
        void refusesUnknownAmbiguousAndMissingDecisions() {
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"Nope\" camunda:resultVariable=\"chain\"/>"))
                    .isEqualTo(new Problem("demo.bpmn", "Task_Rule", "camunda:decisionRef", "there is no decision 'Nope' in rules/ (give a decision's id or name)"));
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"Same\" camunda:resultVariable=\"chain\"/>"))
                    .isEqualTo(new Problem("demo.bpmn", "Task_Rule", "camunda:decisionRef", "'Same' names decisions in several models: give the decision's id"));
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\"/>")).isEqualTo(new Problem("demo.bpmn", "Task_Rule",
                    "camunda:decisionRef", "a rule task needs a decision: set Implementation to DMN and the Decision reference"));
        }

        @Test
        void refusesAMissingOrUnknownResultVariable() {
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"ApprovalChain\"/>")).isEqualTo(new Problem(
                    "demo.bpmn", "Task_Rule", "camunda:resultVariable", "a rule task needs a result variable to keep the decision's result"));
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"ApprovalChain\" camunda:resultVariable=\"x\"/>"))
                    .isEqualTo(new Problem("demo.bpmn", "Task_Rule", "camunda:resultVariable", "there is no process variable 'x'"));
        }

        @Test
        void refusesResultListsVersionBindingsAndJavaImplementations() {
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"ApprovalChain\" camunda:resultVariable=\"chain\" "
                    + "camunda:mapDecisionResult=\"resultList\"/>")).isEqualTo(new Problem("demo.bpmn", "Task_Rule", "camunda:mapDecisionResult",
                    "only 'singleResult' and 'singleEntry' are supported: the result variable receives the decision's result"));
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"ApprovalChain\" camunda:resultVariable=\"chain\" "
                    + "camunda:decisionRefBinding=\"version\"/>")).isEqualTo(new Problem("demo.bpmn", "Task_Rule", "camunda:decisionRefBinding",
                    "only the binding 'latest' is supported: a process always uses the decisions deployed with it"));
            assertThat(refused("<bpmn:businessRuleTask id=\"Task_Rule\" camunda:decisionRef=\"ApprovalChain\" camunda:resultVariable=\"chain\" "
                    + "camunda:class=\"com.example.Rules\"/>").attribute()).isEqualTo("camunda:class");
        }
    }

    @Nested
    class ServiceTasks {

        @Test
        void aDelegateExpressionNamesAHandlerAndItsOperation() {
            Document kogito = ok("<bpmn:serviceTask id=\"Task_Run\" camunda:delegateExpression=\"${actionExecution.execute}\"/>");
            Element task = byId(kogito, "Task_Run");
            assertThat(task.getAttribute("implementation")).isEqualTo("Java");
            assertThat(task.getAttributeNS(CamundaDialect.DROOLS, "serviceimplementation")).isEqualTo("Java");
            assertThat(task.getAttributeNS(CamundaDialect.DROOLS, "serviceinterface")).isEqualTo("com.example.ActionExecution");
            assertThat(task.getAttributeNS(CamundaDialect.DROOLS, "serviceoperation")).isEqualTo("execute");
            Element operation = byId(kogito, task.getAttribute("operationRef"));
            assertThat(operation.getLocalName()).isEqualTo("operation");
            assertThat(operation.getAttribute("implementationRef")).isEqualTo("execute");
            assertThat(((Element) operation.getParentNode()).getAttribute("implementationRef")).isEqualTo("com.example.ActionExecution");
        }

        @Test
        void aClassWithOneOperationIsThatOperation() {
            Document kogito = ok("<bpmn:serviceTask id=\"Task_Run\" camunda:class=\"com.example.Notifier\"/>");
            assertThat(byId(kogito, "Task_Run").getAttributeNS(CamundaDialect.DROOLS, "serviceoperation")).isEqualTo("send");
        }

        @Test
        void anExistingDeclarationIsReused() {
            Document kogito = ok("""
                    <bpmn:serviceTask id="Task_Run" camunda:delegateExpression="${actionExecution.verify}"/>
                    </bpmn:process>
                    <bpmn:interface id="Interface_X" name="com.example.ActionExecution" implementationRef="com.example.ActionExecution">
                      <bpmn:operation id="Operation_V" name="verify" implementationRef="verify"/>
                    </bpmn:interface>
                    <bpmn:process id="other" isExecutable="false">""");
            assertThat(byId(kogito, "Task_Run").getAttribute("operationRef")).isEqualTo("Operation_V");
            assertThat(Xml.descendants(kogito.getDocumentElement(), CamundaDialect.BPMN, "interface")).hasSize(1);
        }

        @Test
        void refusesUnknownHandlersAndOperations() {
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:delegateExpression=\"${mailer.send}\"/>")).isEqualTo(new Problem(
                    "demo.bpmn", "Task_Run", "camunda:delegateExpression", "there is no handler 'mailer' (known: actionExecution, notifier)"));
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:delegateExpression=\"${actionExecution.undo}\"/>")).isEqualTo(new Problem(
                    "demo.bpmn", "Task_Run", "camunda:delegateExpression", "the handler 'actionExecution' has no operation 'undo' (it has: verify, execute)"));
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:delegateExpression=\"${actionExecution}\"/>").message())
                    .isEqualTo("a delegate expression is ${handler.operation}, e.g. ${actionExecution.execute}");
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:class=\"com.example.ActionExecution\"/>")).isEqualTo(new Problem(
                    "demo.bpmn", "Task_Run", "camunda:class", "the handler 'com.example.ActionExecution' has several operations (verify, execute): "
                            + "use a delegate expression ${actionExecution.operation}"));
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:class=\"com.example.Nope\"/>").message())
                    .isEqualTo("there is no handler class 'com.example.Nope'");
        }

        @Test
        void refusesExpressionsExternalTasksAndConnectors() {
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"${x.run()}\"/>")).isEqualTo(new Problem("demo.bpmn",
                    "Task_Run", "camunda:expression", "expressions as implementation are not supported: use a delegate expression ${handler.operation}"));
            assertThat(refused("<bpmn:serviceTask id=\"Task_Run\" camunda:type=\"external\"/>").message())
                    .isEqualTo("external tasks are not supported: use a delegate expression ${handler.operation}");
            assertThat(refused("""
                    <bpmn:serviceTask id="Task_Run">
                      <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
                    </bpmn:serviceTask>""")).isEqualTo(new Problem("demo.bpmn", "Task_Run", "camunda:connector",
                    "connectors are not supported: use a delegate expression ${handler.operation}"));
        }

        @Test
        void refusesScriptsFromAnExternalResource() {
            assertThat(refused("<bpmn:scriptTask id=\"Task_Script\" scriptFormat=\"groovy\" camunda:resource=\"deployment://x.groovy\"/>"))
                    .isEqualTo(new Problem("demo.bpmn", "Task_Script", "camunda:resource", "scripts from an external resource are not supported"));
        }
    }

    @Nested
    class InputsOutputsAndCalls {

        @Test
        void inputAndOutputParametersBecomeDataAssociations() {
            Document kogito = ok("""
                    <bpmn:serviceTask id="Task_Run" camunda:delegateExpression="${actionExecution.execute}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="action">SUSPEND_LIVE</camunda:inputParameter>
                          <camunda:inputParameter name="level">${severity}</camunda:inputParameter>
                          <camunda:inputParameter name="note">for ${action}</camunda:inputParameter>
                          <camunda:outputParameter name="chain">${Result}</camunda:outputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>""");
            assertThat(input(kogito, "Task_Run", "action")).isEqualTo("SUSPEND_LIVE");
            assertThat(input(kogito, "Task_Run", "level")).isEqualTo("var:severity");
            assertThat(input(kogito, "Task_Run", "note")).isEqualTo("for #{action}");
            assertThat(outputs(kogito, "Task_Run")).containsExactly("Result->chain");
        }

        @Test
        void refusesListsAndOtherOutputExpressions() {
            assertThat(refused("""
                    <bpmn:serviceTask id="Task_Run" camunda:delegateExpression="${actionExecution.execute}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="x"><camunda:list><camunda:value>a</camunda:value></camunda:list></camunda:inputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>""")).isEqualTo(new Problem("demo.bpmn", "Task_Run", "camunda:inputParameter",
                    "'x': only a text or ${variable} is supported (no list, map or script)"));
            assertThat(refused("""
                    <bpmn:serviceTask id="Task_Run" camunda:delegateExpression="${actionExecution.execute}">
                      <bpmn:extensionElements><camunda:inputOutput>
                        <camunda:outputParameter name="chain">${Result.get('x')}</camunda:outputParameter>
                      </camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:serviceTask>""")).isEqualTo(new Problem("demo.bpmn", "Task_Run", "camunda:outputParameter",
                    "'chain': an output parameter is ${result}, the name of one of the task's results"));
        }

        @Test
        void callActivityMappingsBecomeDataAssociations() {
            Document kogito = ok("""
                    <bpmn:callActivity id="Call_Approval" calledElement="accountActionApproval" camunda:calledElementBinding="latest">
                      <bpmn:extensionElements>
                        <camunda:in source="severity" target="severity"/>
                        <camunda:in sourceExpression="SUSPEND_LIVE" target="action"/>
                        <camunda:in sourceExpression="${action}" target="requested"/>
                        <camunda:out source="approvedAtLevel2" target="approved"/>
                      </bpmn:extensionElements>
                    </bpmn:callActivity>""");
            assertThat(input(kogito, "Call_Approval", "severity")).isEqualTo("var:severity");
            assertThat(input(kogito, "Call_Approval", "action")).isEqualTo("SUSPEND_LIVE");
            assertThat(input(kogito, "Call_Approval", "requested")).isEqualTo("var:action");
            assertThat(outputs(kogito, "Call_Approval")).containsExactly("approvedAtLevel2->approved");
        }

        @Test
        void refusesPassingAllVariables() {
            assertThat(refused("""
                    <bpmn:callActivity id="Call_Approval" calledElement="accountActionApproval">
                      <bpmn:extensionElements><camunda:in variables="all"/></bpmn:extensionElements>
                    </bpmn:callActivity>""")).isEqualTo(new Problem("demo.bpmn", "Call_Approval", "camunda:in",
                    "passing all variables or the business key is not supported: map each variable (source → target)"));
            assertThat(refused("""
                    <bpmn:callActivity id="Call_Approval" calledElement="accountActionApproval" camunda:calledElementBinding="deployment"/>"""))
                    .isEqualTo(new Problem("demo.bpmn", "Call_Approval", "camunda:calledElementBinding",
                            "only the binding 'latest' is supported: a process calls the process deployed with it"));
        }
    }

    @Nested
    class TimersConditionsAndProcesses {

        @Test
        void timerVariablesUseKogitosNotation() {
            Document kogito = ok("""
                    <bpmn:intermediateCatchEvent id="Wait">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>${deadline}</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>""");
            assertThat(Xml.descendants(kogito.getDocumentElement(), CamundaDialect.BPMN, "timeDuration").get(0).getTextContent()).isEqualTo("#{deadline}");
            assertThat(refused("""
                    <bpmn:intermediateCatchEvent id="Wait">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>${dateTime().plusDays(1)}</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>""")).isEqualTo(new Problem("demo.bpmn", "Wait", "timeDuration",
                    "'${dateTime().plusDays(1)}': only ${variable} is supported"));
        }

        @Test
        void expressionConditionsBecomeJavaAndScriptsStay() {
            Document kogito = ok("""
                    <bpmn:exclusiveGateway id="Gateway"/>
                    <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway" targetRef="End">
                      <bpmn:conditionExpression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression">${approved}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="Flow_Java" sourceRef="Gateway" targetRef="End">
                      <bpmn:conditionExpression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression" language="java">return approved == null;</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:endEvent id="End"/>""");
            Element yes = Xml.descendants(byId(kogito, "Flow_Yes"), CamundaDialect.BPMN, "conditionExpression").get(0);
            assertThat(yes.getTextContent()).isEqualTo("return Boolean.TRUE.equals(approved);");
            assertThat(yes.getAttribute("language")).isEqualTo("http://www.java.com/java");
            Element java = Xml.descendants(byId(kogito, "Flow_Java"), CamundaDialect.BPMN, "conditionExpression").get(0);
            assertThat(java.getTextContent()).isEqualTo("return approved == null;");
        }

        @Test
        void refusesConditionsOutsideTheSupportedExpressions() {
            assertThat(refused("""
                    <bpmn:sequenceFlow id="Flow_Yes" sourceRef="A" targetRef="B">
                      <bpmn:conditionExpression>${execution.getVariable('x')}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>""")).isEqualTo(new Problem("demo.bpmn", "Flow_Yes", "conditionExpression",
                    "parentheses and method calls are not supported in ${...}: write the condition as a script with the format 'java'"));
        }

        @Test
        void theProcessGetsKogitosPackageAndVersionAndLosesTheCamundaAttributes() {
            Document kogito = ok("");
            Element process = byId(kogito, "demo");
            assertThat(process.getAttributeNS(CamundaDialect.DROOLS, "packageName")).isEqualTo(CamundaDialect.DEFAULT_PACKAGE);
            assertThat(process.getAttributeNS(CamundaDialect.DROOLS, "version")).isEqualTo(CamundaDialect.DEFAULT_VERSION);
            assertThat(process.hasAttributeNS(CamundaDialect.CAMUNDA, "historyTimeToLive")).isFalse();
        }

        @Test
        void keepsKogitosOwnProcessAttributes() {
            Translation translation = CamundaDialect.translate("demo.bpmn", process("").replace("camunda:historyTimeToLive=\"180\"",
                    "xmlns:drools=\"http://www.jboss.org/drools\" drools:packageName=\"com.example\" drools:version=\"2.0\""), CATALOG);
            Element process = byId(Xml.parse(translation.kogitoXml()), "demo");
            assertThat(process.getAttributeNS(CamundaDialect.DROOLS, "packageName")).isEqualTo("com.example");
            assertThat(process.getAttributeNS(CamundaDialect.DROOLS, "version")).isEqualTo("2.0");
        }

        @Test
        void refusesAVersionTagAndProcessListeners() {
            Translation translation = CamundaDialect.translate("demo.bpmn", process("").replace("camunda:historyTimeToLive=\"180\"",
                    "camunda:versionTag=\"2\""), CATALOG);
            assertThat(translation.problems()).containsExactly(new Problem("demo.bpmn", "demo", "camunda:versionTag", "a version tag is not "
                    + "supported: Kogito keeps running instances by process id and version, and a new version would hide them; remove the version tag"));
            assertThat(refused("""
                    <bpmn:startEvent id="Start"><bpmn:extensionElements><camunda:executionListener event="start" class="x.Y"/></bpmn:extensionElements></bpmn:startEvent>"""))
                    .isEqualTo(new Problem("demo.bpmn", "Start", "camunda:executionListener",
                            "listeners are not supported: model what should happen as a task of the process"));
            assertThat(refused("<bpmn:startEvent id=\"Start\" camunda:initiator=\"starter\"/>"))
                    .isEqualTo(new Problem("demo.bpmn", "Start", "camunda:initiator", "is not supported by our Kogito runtime"));
        }

        @Test
        void extensionPropertiesAreNotesAndAreDropped() {
            ok("""
                    <bpmn:userTask id="Task_A" camunda:formKey="Level1Approval" camunda:candidateGroups="hr">
                      <bpmn:extensionElements><camunda:properties><camunda:property name="owner" value="ops"/></camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>""");
        }

        @Test
        void reportsEveryProblemOfAFileAndNotWellFormedFiles() {
            Translation translation = translate(task("camunda:formKey=\"Nope\" camunda:candidateGroups=\"${nope}\""));
            assertThat(translation.problems()).extracting(Problem::attribute).containsExactly("camunda:formKey", "camunda:candidateGroups");
            Translation broken = CamundaDialect.translate("broken.bpmn", "<bpmn:definitions", CATALOG);
            assertThat(broken.problems()).hasSize(1);
            assertThat(broken.problems().get(0).file()).isEqualTo("broken.bpmn");
            assertThat(broken.problems().get(0).message()).startsWith("not well-formed XML");
        }
    }
}
