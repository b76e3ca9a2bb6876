package com.livegov.governance.dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Translates a BPMN file as the Camunda Modeler (Camunda 7 platform) saves it into the dialect Kogito 10.1 compiles.
 * Whatever the properties panel sets ({@code camunda:} attributes and extension elements) becomes the data inputs,
 * outputs, attributes and expressions Kogito reads; standard BPMN and Kogito's own {@code drools:} attributes pass
 * through unchanged. What has no Kogito counterpart is a {@link Problem} naming the file, the element and the
 * attribute, and the translation must then not be used.
 *
 * <ul>
 * <li>user task: {@code formKey} (or {@code formRef}) → {@code TaskName}, the form of that name in {@code forms/};
 * {@code candidateGroups} → {@code GroupId}; {@code assignee} and {@code candidateUsers} → {@code ActorId}
 * ({@code ${var}} → {@code #{var}}); {@code priority} → {@code Priority}; {@code dueDate} → the task's deadline
 * timer (the inbox's due time), see {@link #DUE_DATE_SUFFIX}; tasks are never skippable;</li>
 * <li>business-rule task: {@code decisionRef} + {@code resultVariable} → the DMN seam
 * ({@code implementation="http://www.jboss.org/drools/dmn"} with {@code namespace}/{@code model}/{@code decision});</li>
 * <li>service task: {@code delegateExpression="${bean.operation}"} or {@code class} → our Java handler
 * (interface and operation);</li>
 * <li>call activity: {@code camunda:in} / {@code camunda:out} → data input / output associations;</li>
 * <li>{@code camunda:inputOutput} parameters → data input / output associations;</li>
 * <li>timers {@code ${var}} → {@code #{var}}; conditions {@code ${...}} → Java (see {@link Conditions}).</li>
 * </ul>
 */
public final class CamundaDialect {

    public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    public static final String DROOLS = "http://www.jboss.org/drools";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    public static final String DMN_IMPLEMENTATION = "http://www.jboss.org/drools/dmn";
    static final String JAVA = "http://www.java.com/java";
    /** The id of the deadline timer made for a {@code camunda:dueDate}: the task's id and this suffix. */
    public static final String DUE_DATE_SUFFIX = "_DueDate";
    /** Defaults for the Kogito-only process attributes the Modeler cannot set. */
    static final String DEFAULT_PACKAGE = "com.livegov.governance.processes";
    static final String DEFAULT_VERSION = "1.0";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ANY_EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Set<String> IGNORED_PROCESS_ATTRIBUTES = Set.of("historyTimeToLive", "isStartableInTasklist");

    private CamundaDialect() {
    }

    /** Translates one file; the file name only names the file in problems. */
    public static Translation translate(String fileName, String xml, ModelCatalog catalog) {
        Document document;
        try {
            document = Xml.parse(xml);
        } catch (IllegalArgumentException e) {
            return new Translation(null, List.of(new Problem(fileName, "", "", e.getMessage())));
        }
        Run run = new Run(fileName, document, catalog);
        run.translate();
        return new Translation(run.problems.isEmpty() ? Xml.write(document) : null, run.problems);
    }

    private static final class Run {

        private final String file;
        private final Document document;
        private final Element definitions;
        private final ModelCatalog catalog;
        private final String prefix;
        final List<Problem> problems = new ArrayList<>();
        private final Map<String, String> types = new HashMap<>();
        private Map<String, String> variables = new HashMap<>();
        /** Variables that are not the process's own (sub-process variables, multi-instance items): passed by data association. */
        private Set<String> locals = new HashSet<>();

        Run(String file, Document document, ModelCatalog catalog) {
            this.file = file;
            this.document = document;
            this.definitions = document.getDocumentElement();
            this.catalog = catalog;
            this.prefix = definitions.getPrefix();
        }

        void translate() {
            if (!BPMN.equals(definitions.getNamespaceURI()) || !"definitions".equals(definitions.getLocalName())) {
                problem(definitions, "", "not a BPMN 2.0 file");
                return;
            }
            definitions.setAttributeNS(XMLNS, "xmlns:drools", DROOLS);
            definitions.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
            for (Element item : Xml.children(definitions, BPMN, "itemDefinition")) {
                types.put(item.getAttribute("id"), item.getAttribute("structureRef"));
            }
            for (Element process : Xml.children(definitions, BPMN, "process")) {
                process(process);
            }
            for (Element extensions : Xml.descendants(definitions, BPMN, "extensionElements")) {
                for (Element element : Xml.children(extensions, CAMUNDA, null)) {
                    if (element.getLocalName().equals("properties")) {
                        continue; // extension properties are notes for people (and element templates); nothing runs them
                    }
                    String why = switch (element.getLocalName()) {
                        case "executionListener", "taskListener" ->
                                "listeners are not supported: model what should happen as a task of the process";
                        case "connector" -> "connectors are not supported: use a delegate expression ${handler.operation}";
                        case "formData", "formField" -> "generated forms are not supported: set a Form key naming a form in forms/";
                        case "failedJobRetryTimeCycle" -> "retry cycles are not supported: Kogito has no asynchronous jobs for steps";
                        case "in", "out" -> "in and out mappings belong to call activities";
                        case "inputOutput" -> "input/output parameters are not supported on this element";
                        default -> "is not supported by our Kogito runtime";
                    };
                    problem((Element) owner(element), "camunda:" + element.getLocalName(), why);
                }
            }
            if (problems.isEmpty()) {
                removeCamunda(definitions);
            }
        }

        private static String name(Element variable) {
            return variable.getAttribute("name").isEmpty() ? variable.getAttribute("id") : variable.getAttribute("name");
        }

        private Node owner(Element camunda) {
            Node node = camunda.getParentNode();
            while (node instanceof Element element && !element.hasAttribute("id") && node.getParentNode() != null) {
                node = node.getParentNode();
            }
            return node;
        }

        private void process(Element process) {
            variables = new HashMap<>();
            locals = new HashSet<>();
            for (Element property : Xml.children(process, BPMN, "property")) {
                variables.put(name(property), types.getOrDefault(property.getAttribute("itemSubjectRef"), "Object"));
            }
            // variables of sub-processes and the items of multi-instance activities
            for (String kind : List.of("property", "dataObject", "inputDataItem", "outputDataItem")) {
                for (Element local : Xml.descendants(process, BPMN, kind)) {
                    if (!variables.containsKey(name(local))) {
                        variables.put(name(local), types.getOrDefault(local.getAttribute("itemSubjectRef"), "Object"));
                        locals.add(name(local));
                    }
                }
            }
            for (Attr attribute : camundaAttributes(process)) {
                if (attribute.getLocalName().equals("versionTag")) {
                    problem(process, attribute.getName(), "a version tag is not supported: Kogito keeps running instances by "
                            + "process id and version, and a new version would hide them; remove the version tag");
                } else if (!IGNORED_PROCESS_ATTRIBUTES.contains(attribute.getLocalName())) {
                    unsupported(process, attribute);
                } else {
                    process.removeAttributeNode(attribute);
                }
            }
            if (!process.hasAttributeNS(DROOLS, "packageName")) {
                process.setAttributeNS(DROOLS, "drools:packageName", DEFAULT_PACKAGE);
            }
            if (!process.hasAttributeNS(DROOLS, "version")) {
                process.setAttributeNS(DROOLS, "drools:version", DEFAULT_VERSION);
            }
            for (Element element : Xml.descendants(process, BPMN, "*")) {
                switch (element.getLocalName()) {
                    case "userTask" -> userTask(element);
                    case "businessRuleTask" -> ruleTask(element);
                    case "serviceTask", "sendTask" -> serviceTask(element);
                    case "callActivity" -> callActivity(element);
                    case "timeDuration", "timeDate", "timeCycle" -> timer(element);
                    case "conditionExpression" -> condition(element);
                    default -> {
                        for (Attr attribute : camundaAttributes(element)) {
                            unsupported(element, attribute);
                        }
                    }
                }
                inputOutput(element);
            }
        }

        // ---------------------------------------------------------------- user task

        private void userTask(Element task) {
            Map<String, Attr> set = allowed(task, "assignee", "candidateUsers", "candidateGroups", "formKey", "formRef",
                    "formRefBinding", "dueDate", "priority");
            String form = value(set, "formKey", value(set, "formRef", null));
            String formAttribute = set.containsKey("formKey") ? "camunda:formKey" : "camunda:formRef";
            if (set.containsKey("formRefBinding") && !"latest".equals(value(set, "formRefBinding", ""))) {
                problem(task, "camunda:formRefBinding", "only the binding 'latest' is supported: a process always uses the form deployed with it");
            }
            if (form == null || form.isBlank()) {
                if (input(task, "TaskName") == null) {
                    problem(task, "camunda:formKey", "a user task needs a form: set Forms > Form key to the name of a form in forms/");
                }
            } else if (form.contains(":") || !catalog.forms().contains(form.strip())) {
                problem(task, formAttribute, "there is no form '" + form + "' in forms/ (the form key is a form's file name without '.form')");
            } else {
                removeInput(task, "TaskName");
                literalInput(task, "TaskName", "Object", form.strip());
            }
            String users = join(value(set, "assignee", null), value(set, "candidateUsers", null));
            String groups = value(set, "candidateGroups", null);
            if (users != null) {
                String actors = assignees(task, set.containsKey("candidateUsers") && !set.containsKey("assignee") ? "camunda:candidateUsers"
                        : "camunda:assignee", users);
                if (actors != null) {
                    removeInput(task, "ActorId");
                    assign(task, "ActorId", actors);
                }
            }
            if (groups != null) {
                String groupIds = assignees(task, "camunda:candidateGroups", groups);
                if (groupIds != null) {
                    removeInput(task, "GroupId");
                    assign(task, "GroupId", groupIds);
                }
            }
            if (users == null && groups == null && input(task, "ActorId") == null && input(task, "GroupId") == null) {
                problem(task, "camunda:candidateGroups", "nobody does this task: set Assignee, Candidate users or Candidate groups");
            }
            if (set.containsKey("priority")) {
                String priority = set.get("priority").getValue().strip();
                if (!priority.matches("[0-9]+") && !VARIABLE.matcher(priority).matches()) {
                    problem(task, "camunda:priority", "a priority is a whole number or ${variable}");
                } else {
                    removeInput(task, "Priority");
                    literalInput(task, "Priority", "Object", expression(task, "camunda:priority", priority));
                }
            }
            if (input(task, "Skippable") == null) {
                literalInput(task, "Skippable", "Object", "false");
            }
            if (set.containsKey("dueDate")) {
                dueDate(task, set.get("dueDate").getValue().strip());
            }
        }

        /** ActorId or GroupId: #{variable} names are resolved when the task starts; a local variable is passed by association. */
        private void assign(Element task, String input, String value) {
            Matcher single = Pattern.compile("#\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(value);
            if (single.matches() && locals.contains(single.group(1))) {
                variableInput(task, input, "Object", single.group(1));
            } else {
                literalInput(task, input, "Object", value);
            }
        }

        /** A comma-separated list of names and ${variable}s, in Kogito's notation; null after a problem. */
        private String assignees(Element task, String attribute, String list) {
            List<String> parts = new ArrayList<>();
            for (String part : list.split(",")) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.contains("${") || name.contains("#{")) {
                    Matcher variable = VARIABLE.matcher(name);
                    if (!variable.matches()) {
                        problem(task, attribute, "'" + name + "' is neither a name nor ${variable}: other expressions are not supported");
                        return null;
                    }
                    if (!variables.containsKey(variable.group(1))) {
                        problem(task, attribute, "there is no process variable '" + variable.group(1) + "'");
                        return null;
                    }
                    parts.add("#{" + variable.group(1) + "}");
                } else {
                    parts.add(name);
                }
            }
            if (parts.isEmpty()) {
                problem(task, attribute, "is empty");
                return null;
            }
            return String.join(",", parts);
        }

        /**
         * The due date is when the task's deadline timer fires (the inbox shows the last firing of a task's timers as its
         * due time). A task that already has a boundary timer must name it: its due date equals that timer's expression.
         * Otherwise a non-interrupting boundary timer {@code <task id>_DueDate} is made: it only marks the due time, and
         * leads to an end event of its own ({@code <task id>_DueDate_End}), which ends nothing but its own path.
         */
        private void dueDate(Element task, String value) {
            String expression = timerExpression(task, "camunda:dueDate", value);
            if (expression == null) {
                return;
            }
            if (!expression.startsWith("#{") && !expression.matches("P.*") && !expression.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                problem(task, "camunda:dueDate", "a due date is an ISO-8601 duration (PT24H), an ISO-8601 date and time or ${variable}");
                return;
            }
            List<Element> timers = new ArrayList<>();
            for (Element boundary : Xml.children((Element) task.getParentNode(), BPMN, "boundaryEvent")) {
                if (boundary.getAttribute("attachedToRef").equals(task.getAttribute("id"))
                        && Xml.child(boundary, BPMN, "timerEventDefinition") != null) {
                    timers.add(boundary);
                }
            }
            if (!timers.isEmpty()) {
                for (Element timer : timers) {
                    for (Element definition : Xml.descendants(timer, BPMN, "*")) {
                        if (definition.getLocalName().startsWith("time") && !definition.getLocalName().equals("timerEventDefinition")
                                && expression.equals(definition.getTextContent().strip().replace("${", "#{"))) {
                            return;
                        }
                    }
                }
                problem(task, "camunda:dueDate", "this task has the deadline timer '" + timers.get(0).getAttribute("id")
                        + "', which is when it is due: give the due date the timer's value, or change the timer");
                return;
            }
            Element boundary = element("boundaryEvent");
            boundary.setAttribute("id", task.getAttribute("id") + DUE_DATE_SUFFIX);
            boundary.setAttribute("name", "Due");
            boundary.setAttribute("attachedToRef", task.getAttribute("id"));
            boundary.setAttribute("cancelActivity", "false");
            Element definition = element("timerEventDefinition");
            definition.setAttribute("id", task.getAttribute("id") + DUE_DATE_SUFFIX + "_Definition");
            Element time = element(expression.startsWith("P") || expression.startsWith("#{") ? "timeDuration" : "timeDate");
            time.setAttributeNS(XSI, "xsi:type", qualified("tFormalExpression"));
            time.setTextContent(expression);
            definition.appendChild(time);
            String id = task.getAttribute("id") + DUE_DATE_SUFFIX;
            boundary.appendChild(text("outgoing", id + "_Flow"));
            boundary.appendChild(definition);
            // Kogito refuses an event without outgoing flow: the timer leads to an end of its own, which ends only its path
            Element end = element("endEvent");
            end.setAttribute("id", id + "_End");
            end.appendChild(text("incoming", id + "_Flow"));
            Element flow = element("sequenceFlow");
            flow.setAttribute("id", id + "_Flow");
            flow.setAttribute("sourceRef", boundary.getAttribute("id"));
            flow.setAttribute("targetRef", end.getAttribute("id"));
            Node container = task.getParentNode();
            Node after = task.getNextSibling();
            container.insertBefore(boundary, after);
            container.insertBefore(end, after);
            container.insertBefore(flow, after);
        }

        // ---------------------------------------------------------------- business-rule task

        private void ruleTask(Element task) {
            Map<String, Attr> set = allowed(task, "decisionRef", "resultVariable", "mapDecisionResult", "decisionRefBinding");
            String reference = value(set, "decisionRef", null);
            if (reference == null) {
                if (!DMN_IMPLEMENTATION.equals(task.getAttribute("implementation")) || input(task, "decision") == null) {
                    problem(task, "camunda:decisionRef", "a rule task needs a decision: set Implementation to DMN and the Decision reference");
                }
                return;
            }
            if (set.containsKey("decisionRefBinding") && !"latest".equals(value(set, "decisionRefBinding", ""))) {
                problem(task, "camunda:decisionRefBinding", "only the binding 'latest' is supported: a process always uses the decisions deployed with it");
            }
            String mapping = value(set, "mapDecisionResult", "singleResult");
            if (!mapping.equals("singleResult") && !mapping.equals("singleEntry")) {
                problem(task, "camunda:mapDecisionResult", "only 'singleResult' and 'singleEntry' are supported: the result variable receives "
                        + "the decision's result");
            }
            List<ModelCatalog.Decision> decisions = catalog.decision(reference.strip());
            if (decisions.isEmpty()) {
                problem(task, "camunda:decisionRef", "there is no decision '" + reference + "' in rules/ (give a decision's id or name)");
                return;
            }
            if (decisions.size() > 1) {
                problem(task, "camunda:decisionRef", "'" + reference + "' names decisions in several models: give the decision's id");
                return;
            }
            String result = value(set, "resultVariable", null);
            if (result == null || result.isBlank()) {
                problem(task, "camunda:resultVariable", "a rule task needs a result variable to keep the decision's result");
                return;
            }
            if (!variables.containsKey(result.strip())) {
                problem(task, "camunda:resultVariable", "there is no process variable '" + result + "'");
                return;
            }
            ModelCatalog.Decision decision = decisions.get(0);
            task.setAttribute("implementation", DMN_IMPLEMENTATION);
            for (String seam : List.of("namespace", "model", "decision")) {
                removeInput(task, seam);
            }
            literalInput(task, "namespace", "java.lang.String", decision.namespace());
            literalInput(task, "model", "java.lang.String", decision.model());
            literalInput(task, "decision", "java.lang.String", decision.name());
            for (String input : decision.inputs()) {
                if (input(task, input) == null && variables.containsKey(input)) {
                    variableInput(task, input, variables.get(input), input);
                }
            }
            removeOutput(task, decision.name());
            output(task, decision.name(), variables.get(result.strip()), result.strip());
        }

        // ---------------------------------------------------------------- service task

        private void serviceTask(Element task) {
            Map<String, Attr> set = allowed(task, "class", "delegateExpression");
            String fqn;
            String operation;
            if (set.containsKey("delegateExpression")) {
                Matcher call = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)}")
                        .matcher(set.get("delegateExpression").getValue().strip());
                if (!call.matches()) {
                    problem(task, "camunda:delegateExpression", "a delegate expression is ${handler.operation}, e.g. ${actionExecution.execute}");
                    return;
                }
                fqn = catalog.handlers().keySet().stream().filter(h -> bean(h).equals(call.group(1))).findFirst().orElse(null);
                operation = call.group(2);
                if (fqn == null) {
                    problem(task, "camunda:delegateExpression", "there is no handler '" + call.group(1) + "' (known: "
                            + String.join(", ", catalog.handlers().keySet().stream().map(CamundaDialect::bean).sorted().toList()) + ")");
                    return;
                }
                if (!catalog.handlers().get(fqn).contains(operation)) {
                    problem(task, "camunda:delegateExpression", "the handler '" + call.group(1) + "' has no operation '" + operation
                            + "' (it has: " + String.join(", ", catalog.handlers().get(fqn)) + ")");
                    return;
                }
            } else if (set.containsKey("class")) {
                fqn = set.get("class").getValue().strip();
                List<String> operations = catalog.handlers().get(fqn);
                if (operations == null) {
                    problem(task, "camunda:class", "there is no handler class '" + fqn + "'");
                    return;
                }
                if (operations.size() != 1) {
                    problem(task, "camunda:class", "the handler '" + fqn + "' has several operations (" + String.join(", ", operations)
                            + "): use a delegate expression ${" + bean(fqn) + ".operation}");
                    return;
                }
                operation = operations.get(0);
            } else {
                return;
            }
            task.setAttribute("implementation", "Java");
            task.setAttribute("operationRef", operationId(fqn, operation));
            task.setAttributeNS(DROOLS, "drools:serviceimplementation", "Java");
            task.setAttributeNS(DROOLS, "drools:serviceinterface", fqn);
            task.setAttributeNS(DROOLS, "drools:serviceoperation", operation);
        }

        /** The id of the operation's declaration in this file, declaring the interface or operation when it is missing. */
        private String operationId(String fqn, String operation) {
            Element declared = null;
            for (Element candidate : Xml.children(definitions, BPMN, "interface")) {
                if (fqn.equals(candidate.getAttribute("implementationRef"))) {
                    declared = candidate;
                }
            }
            String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
            if (declared == null) {
                declared = element("interface");
                declared.setAttribute("id", "Interface_" + simple);
                declared.setAttribute("name", fqn);
                declared.setAttribute("implementationRef", fqn);
                Element process = Xml.child(definitions, BPMN, "process");
                definitions.insertBefore(declared, process);
            }
            for (Element candidate : Xml.children(declared, BPMN, "operation")) {
                if (operation.equals(candidate.getAttribute("implementationRef")) || operation.equals(candidate.getAttribute("name"))) {
                    return candidate.getAttribute("id");
                }
            }
            Element declaredOperation = element("operation");
            declaredOperation.setAttribute("id", "Operation_" + simple + "_" + operation);
            declaredOperation.setAttribute("name", operation);
            declaredOperation.setAttribute("implementationRef", operation);
            declared.appendChild(declaredOperation);
            return declaredOperation.getAttribute("id");
        }

        // ---------------------------------------------------------------- call activity, input/output

        private void callActivity(Element call) {
            Map<String, Attr> set = allowed(call, "calledElementBinding");
            if (set.containsKey("calledElementBinding") && !"latest".equals(value(set, "calledElementBinding", ""))) {
                problem(call, "camunda:calledElementBinding", "only the binding 'latest' is supported: a process calls the process deployed with it");
            }
            Element extensions = Xml.child(call, BPMN, "extensionElements");
            if (extensions == null) {
                return;
            }
            for (Element in : Xml.children(extensions, CAMUNDA, "in")) {
                String target = in.getAttribute("target");
                if (in.hasAttribute("variables") || in.hasAttribute("businessKey")) {
                    problem(call, "camunda:in", "passing all variables or the business key is not supported: map each variable (source → target)");
                } else if (target.isBlank()) {
                    problem(call, "camunda:in", "an in mapping needs a target");
                } else if (in.hasAttribute("source")) {
                    String source = in.getAttribute("source");
                    if (!variables.containsKey(source)) {
                        problem(call, "camunda:in", "there is no process variable '" + source + "'");
                    } else {
                        variableInput(call, target, variables.get(source), source);
                    }
                } else {
                    String value = in.getAttribute("sourceExpression");
                    Matcher variable = VARIABLE.matcher(value.strip());
                    if (variable.matches() && variables.containsKey(variable.group(1))) {
                        variableInput(call, target, variables.get(variable.group(1)), variable.group(1));
                    } else if (!value.contains("${")) {
                        literalInput(call, target, "String", value);
                    } else {
                        problem(call, "camunda:in", "a source expression is a text or ${variable}");
                    }
                }
                in.getParentNode().removeChild(in);
            }
            for (Element out : Xml.children(extensions, CAMUNDA, "out")) {
                String source = out.getAttribute("source");
                String target = out.getAttribute("target");
                if (out.hasAttribute("variables") || source.isBlank()) {
                    problem(call, "camunda:out", "an out mapping maps one variable of the called process (source) to a variable here (target)");
                } else if (!variables.containsKey(target)) {
                    problem(call, "camunda:out", "there is no process variable '" + target + "'");
                } else {
                    output(call, source, variables.get(target), target);
                }
                out.getParentNode().removeChild(out);
            }
        }

        private void inputOutput(Element activity) {
            Element extensions = Xml.child(activity, BPMN, "extensionElements");
            Element io = extensions == null ? null : Xml.child(extensions, CAMUNDA, "inputOutput");
            if (io == null) {
                return;
            }
            for (Element parameter : Xml.children(io, CAMUNDA, "inputParameter")) {
                String name = parameter.getAttribute("name");
                if (!Xml.children(parameter, CAMUNDA, null).isEmpty()) {
                    problem(activity, "camunda:inputParameter", "'" + name + "': only a text or ${variable} is supported (no list, map or script)");
                    continue;
                }
                String value = parameter.getTextContent().strip();
                Matcher variable = VARIABLE.matcher(value);
                removeInput(activity, name);
                if (variable.matches()) {
                    if (!variables.containsKey(variable.group(1))) {
                        problem(activity, "camunda:inputParameter", "'" + name + "': there is no process variable '" + variable.group(1) + "'");
                    } else {
                        variableInput(activity, name, variables.get(variable.group(1)), variable.group(1));
                    }
                } else {
                    String expression = expression(activity, "camunda:inputParameter", value);
                    if (expression != null) {
                        literalInput(activity, name, "String", expression);
                    }
                }
            }
            for (Element parameter : Xml.children(io, CAMUNDA, "outputParameter")) {
                String name = parameter.getAttribute("name");
                Matcher variable = VARIABLE.matcher(parameter.getTextContent().strip());
                if (!variable.matches() || !Xml.children(parameter, CAMUNDA, null).isEmpty()) {
                    problem(activity, "camunda:outputParameter", "'" + name + "': an output parameter is ${result}, the name of one of the task's results");
                } else if (!variables.containsKey(name)) {
                    problem(activity, "camunda:outputParameter", "there is no process variable '" + name + "'");
                } else {
                    output(activity, variable.group(1), variables.get(name), name);
                }
            }
            io.getParentNode().removeChild(io);
        }

        // ---------------------------------------------------------------- timers and conditions

        private void timer(Element time) {
            String text = time.getTextContent();
            if (text.contains("${")) {
                String converted = timerExpression((Element) owner(time), time.getLocalName(), text.strip());
                if (converted != null) {
                    time.setTextContent(converted);
                }
            }
        }

        private String timerExpression(Element element, String attribute, String value) {
            Matcher any = ANY_EXPRESSION.matcher(value);
            StringBuilder out = new StringBuilder();
            while (any.find()) {
                String name = any.group(1).strip();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    problem(element, attribute, "'${" + any.group(1) + "}': only ${variable} is supported");
                    return null;
                }
                if (!variables.containsKey(name)) {
                    problem(element, attribute, "there is no process variable '" + name + "'");
                    return null;
                }
                any.appendReplacement(out, Matcher.quoteReplacement("#{" + name + "}"));
            }
            any.appendTail(out);
            return out.toString();
        }

        private void condition(Element condition) {
            String language = condition.getAttribute("language");
            String text = condition.getTextContent().strip();
            if (!language.isEmpty() || !text.contains("${")) {
                return;
            }
            try {
                condition.setTextContent(Conditions.toJava(text, variables.keySet()));
                condition.setAttribute("language", JAVA);
            } catch (Conditions.Unsupported e) {
                problem((Element) condition.getParentNode(), "conditionExpression", e.getMessage());
            }
        }

        // ---------------------------------------------------------------- data inputs and outputs

        private static final List<String> ACTIVITY_ORDER = List.of("documentation", "extensionElements", "auditing", "monitoring",
                "categoryValueRef", "incoming", "outgoing", "ioSpecification", "property", "dataInputAssociation",
                "dataOutputAssociation", "resourceRole", "potentialOwner", "humanPerformer", "performer", "loopCharacteristics",
                "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "rendering");
        private static final List<String> IO_ORDER = List.of("dataInput", "dataOutput", "inputSet", "outputSet");

        private Element ioSpecification(Element activity) {
            Element io = Xml.child(activity, BPMN, "ioSpecification");
            if (io == null) {
                io = element("ioSpecification");
                insert(activity, io, ACTIVITY_ORDER);
            }
            if (Xml.child(io, BPMN, "inputSet") == null) {
                insert(io, element("inputSet"), IO_ORDER);
            }
            if (Xml.child(io, BPMN, "outputSet") == null) {
                insert(io, element("outputSet"), IO_ORDER);
            }
            return io;
        }

        private Element input(Element activity, String name) {
            Element io = Xml.child(activity, BPMN, "ioSpecification");
            if (io != null) {
                for (Element input : Xml.children(io, BPMN, "dataInput")) {
                    if (name.equals(input.getAttribute("name"))) {
                        return input;
                    }
                }
            }
            return null;
        }

        private void removeInput(Element activity, String name) {
            Element input = input(activity, name);
            if (input != null) {
                remove(activity, input, "dataInputAssociation", "targetRef", "inputSet", "dataInputRefs");
            }
        }

        private void removeOutput(Element activity, String name) {
            Element io = Xml.child(activity, BPMN, "ioSpecification");
            if (io != null) {
                for (Element output : Xml.children(io, BPMN, "dataOutput")) {
                    if (name.equals(output.getAttribute("name"))) {
                        remove(activity, output, "dataOutputAssociation", "sourceRef", "outputSet", "dataOutputRefs");
                    }
                }
            }
        }

        private void remove(Element activity, Element data, String association, String end, String set, String refs) {
            String id = data.getAttribute("id");
            Element io = (Element) data.getParentNode();
            io.removeChild(data);
            for (Element candidate : Xml.children(io, BPMN, set)) {
                for (Element ref : Xml.children(candidate, BPMN, refs)) {
                    if (id.equals(ref.getTextContent().strip())) {
                        candidate.removeChild(ref);
                    }
                }
            }
            for (Element candidate : Xml.children(activity, BPMN, association)) {
                for (Element ref : Xml.children(candidate, BPMN, end)) {
                    if (id.equals(ref.getTextContent().strip())) {
                        activity.removeChild(candidate);
                        break;
                    }
                }
            }
        }

        private Element declareInput(Element activity, String name, String type) {
            Element io = ioSpecification(activity);
            Element input = element("dataInput");
            input.setAttribute("id", uniqueId(activity.getAttribute("id") + "_" + name + "InputX"));
            input.setAttributeNS(DROOLS, "drools:dtype", type);
            input.setAttribute("name", name);
            insert(io, input, IO_ORDER);
            Element ref = element("dataInputRefs");
            ref.setTextContent(input.getAttribute("id"));
            Xml.child(io, BPMN, "inputSet").appendChild(ref);
            return input;
        }

        private void literalInput(Element activity, String name, String type, String value) {
            Element input = declareInput(activity, name, type);
            Element association = element("dataInputAssociation");
            association.appendChild(text("targetRef", input.getAttribute("id")));
            Element assignment = element("assignment");
            Element from = text("from", value);
            from.setAttributeNS(XSI, "xsi:type", qualified("tFormalExpression"));
            Element to = text("to", input.getAttribute("id"));
            to.setAttributeNS(XSI, "xsi:type", qualified("tFormalExpression"));
            assignment.appendChild(from);
            assignment.appendChild(to);
            association.appendChild(assignment);
            insert(activity, association, ACTIVITY_ORDER);
        }

        private void variableInput(Element activity, String name, String type, String variable) {
            Element input = declareInput(activity, name, type);
            Element association = element("dataInputAssociation");
            association.appendChild(text("sourceRef", variable));
            association.appendChild(text("targetRef", input.getAttribute("id")));
            insert(activity, association, ACTIVITY_ORDER);
        }

        private void output(Element activity, String name, String type, String variable) {
            Element io = ioSpecification(activity);
            Element output = element("dataOutput");
            output.setAttribute("id", uniqueId(activity.getAttribute("id") + "_" + name + "OutputX"));
            output.setAttributeNS(DROOLS, "drools:dtype", type);
            output.setAttribute("name", name);
            insert(io, output, IO_ORDER);
            Element ref = element("dataOutputRefs");
            ref.setTextContent(output.getAttribute("id"));
            Xml.child(io, BPMN, "outputSet").appendChild(ref);
            Element association = element("dataOutputAssociation");
            association.appendChild(text("sourceRef", output.getAttribute("id")));
            association.appendChild(text("targetRef", variable));
            insert(activity, association, ACTIVITY_ORDER);
        }

        private String uniqueId(String id) {
            String candidate = id;
            for (int i = 2; hasId(candidate); i++) {
                candidate = id + i;
            }
            return candidate;
        }

        private boolean hasId(String id) {
            for (Element element : Xml.descendants(definitions, "*", "*")) {
                if (id.equals(element.getAttribute("id"))) {
                    return true;
                }
            }
            return false;
        }

        /** Inserts a child before the first sibling that comes after it in the schema's order. */
        private static void insert(Element parent, Element child, List<String> order) {
            int rank = order.indexOf(child.getLocalName());
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element sibling && BPMN.equals(sibling.getNamespaceURI()) && order.indexOf(sibling.getLocalName()) > rank) {
                    parent.insertBefore(child, node);
                    return;
                }
            }
            parent.appendChild(child);
        }

        // ---------------------------------------------------------------- helpers

        /** ${variable} inside a text becomes #{variable}; null after a problem. */
        private String expression(Element element, String attribute, String value) {
            return timerExpression(element, attribute, value);
        }

        private Map<String, Attr> allowed(Element element, String... names) {
            Map<String, Attr> found = new HashMap<>();
            Set<String> allowed = Set.of(names);
            for (Attr attribute : camundaAttributes(element)) {
                if (allowed.contains(attribute.getLocalName())) {
                    found.put(attribute.getLocalName(), attribute);
                } else {
                    unsupported(element, attribute);
                }
            }
            return found;
        }

        private void unsupported(Element element, Attr attribute) {
            String name = attribute.getLocalName();
            String why = switch (name) {
                case "asyncBefore", "asyncAfter", "async", "exclusive" ->
                        "asynchronous continuations are not supported: Kogito runs each step in the transaction of the one before";
                case "expression" -> "expressions as implementation are not supported: use a delegate expression ${handler.operation}";
                case "type", "topic" -> "external tasks are not supported: use a delegate expression ${handler.operation}";
                case "followUpDate" -> "follow-up dates are not supported: use a due date";
                case "resource" -> "scripts from an external resource are not supported";
                default -> "is not supported by our Kogito runtime";
            };
            problem(element, attribute.getName(), why);
        }

        private static List<Attr> camundaAttributes(Element element) {
            List<Attr> found = new ArrayList<>();
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (CAMUNDA.equals(attribute.getNamespaceURI())) {
                    found.add(attribute);
                }
            }
            return found;
        }

        private static String value(Map<String, Attr> set, String name, String otherwise) {
            Attr attribute = set.get(name);
            return attribute == null || attribute.getValue().isBlank() ? otherwise : attribute.getValue();
        }

        private static String join(String first, String second) {
            LinkedHashSet<String> all = new LinkedHashSet<>();
            for (String list : new String[] {first, second}) {
                if (list != null) {
                    for (String part : list.split(",")) {
                        if (!part.isBlank()) {
                            all.add(part.strip());
                        }
                    }
                }
            }
            return all.isEmpty() ? null : String.join(",", all);
        }

        private void removeCamunda(Element element) {
            for (Attr attribute : camundaAttributes(element)) {
                element.removeAttributeNode(attribute);
            }
            for (Element extensions : Xml.descendants(element, BPMN, "extensionElements")) {
                for (Element camunda : Xml.children(extensions, CAMUNDA, null)) {
                    extensions.removeChild(camunda);
                }
            }
            for (Element child : Xml.descendants(element, "*", "*")) {
                for (Attr attribute : camundaAttributes(child)) {
                    child.removeAttributeNode(attribute);
                }
            }
        }

        private Element element(String localName) {
            return document.createElementNS(BPMN, qualified(localName));
        }

        private String qualified(String localName) {
            return prefix == null ? localName : prefix + ":" + localName;
        }

        private Element text(String localName, String content) {
            Element element = element(localName);
            element.setTextContent(content);
            return element;
        }

        private void problem(Element element, String attribute, String message) {
            problems.add(new Problem(file, element == null ? "" : element.getAttribute("id"), attribute, message));
        }
    }

    /** The bean name of a handler: its simple class name with a lower-case first letter. */
    static String bean(String fqn) {
        String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
