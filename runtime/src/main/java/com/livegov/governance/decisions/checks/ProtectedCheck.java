package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.w3c.dom.Element;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * What business users may not change, because it affects evaluation and is not theirs: everything but the rules of
 * decision tables (rules, their entries and descriptions, the hit policy) and the text of plain literal expressions.
 * Compared: item definitions, business knowledge models, decision services, imports, the model's languages, and
 * for each decision its requirements, the kind of its logic, its table's columns, and its calculations (boxed
 * contexts and literal expressions written as a context, entry by entry). The diagram, labels and descriptions may
 * change. Inputs and decisions themselves are the interface check's.
 */
final class ProtectedCheck {

    private static final Set<String> NOT_LOGIC = Set.of("description", "extensionElements", "question", "allowedAnswers",
            "variable", "informationRequirement", "knowledgeRequirement", "authorityRequirement", "supportedObjective",
            "impactedPerformanceIndicator", "decisionMaker", "decisionOwner", "usingProcess", "usingTask");

    private final DmnDocument inForce;
    private final DmnDocument draft;
    private final List<Finding> findings = new ArrayList<>();

    private ProtectedCheck(DmnDocument inForce, DmnDocument draft) {
        this.inForce = inForce;
        this.draft = draft;
    }

    static List<Finding> compare(DmnDocument inForce, DmnDocument draft) {
        ProtectedCheck check = new ProtectedCheck(inForce, draft);
        check.compareModelSettings();
        check.compareNamed("itemDefinition", "itemDefinition");
        check.compareNamed("businessKnowledgeModel", "businessKnowledgeModel");
        check.compareNamed("decisionService", "decisionService");
        for (Element decision : inForce.elements("decision")) {
            draft.element("decision", decision.getAttribute("name")).ifPresent(now -> check.compareDecision(decision, now));
        }
        return check.findings;
    }

    private void compareModelSettings() {
        for (String attribute : List.of("expressionLanguage", "typeLanguage")) {
            String old = inForce.root().getAttribute(attribute);
            String now = draft.root().getAttribute(attribute);
            if (!old.equals(now)) {
                add("modelSettingChanged", null, attribute, old, now);
            }
        }
        String oldImports = inForce.elements("import").stream().map(i -> Canonical.of(inForce, i)).sorted().toList().toString();
        String newImports = draft.elements("import").stream().map(i -> Canonical.of(draft, i)).sorted().toList().toString();
        if (!oldImports.equals(newImports)) {
            add("importsChanged", null);
        }
    }

    private void compareNamed(String kind, String code) {
        Map<String, Element> before = byName(inForce, kind);
        Map<String, Element> after = byName(draft, kind);
        before.forEach((name, old) -> {
            Element now = after.get(name);
            if (now == null) {
                add(code + "Removed", old, name);
            } else if (!Canonical.of(inForce, old).equals(Canonical.of(draft, now))) {
                if (kind.equals("itemDefinition")) {
                    add(code + "Changed", now, name, TypeShape.of(inForce, name).render(), TypeShape.of(draft, name).render());
                } else {
                    add(code + "Changed", now, name);
                }
            }
        });
        after.forEach((name, now) -> {
            if (!before.containsKey(name)) {
                add(code + "Added", now, name);
            }
        });
    }

    private void compareDecision(Element old, Element now) {
        String name = old.getAttribute("name");
        Set<String> oldRequirements = requirements(inForce, old);
        Set<String> newRequirements = requirements(draft, now);
        if (!oldRequirements.equals(newRequirements)) {
            add("requirementsChanged", now, name, String.join(", ", oldRequirements), String.join(", ", newRequirements));
        }
        Optional<Element> oldLogic = logic(old);
        Optional<Element> newLogic = logic(now);
        String oldKind = oldLogic.map(Element::getLocalName).orElse("-");
        String newKind = newLogic.map(Element::getLocalName).orElse("-");
        if (!oldKind.equals(newKind)) {
            add("logicKindChanged", now, name, oldKind, newKind);
            return;
        }
        if (oldLogic.isEmpty()) {
            return;
        }
        switch (oldKind) {
            case "decisionTable" -> DecisionTableColumns.compare(DecisionTableView.of(old).orElseThrow(),
                    DecisionTableView.of(now).orElseThrow(), newLogic.get(), findings);
            case "literalExpression" -> compareLiteral(name, oldLogic.get(), newLogic.get());
            case "context" -> compareEntries(name, newLogic.get(), BoxedContext.entries(inForce, oldLogic.get()), BoxedContext.entries(draft, newLogic.get()));
            default -> {
                if (!Canonical.of(inForce, oldLogic.get()).equals(Canonical.of(draft, newLogic.get()))) {
                    add("logicChanged", newLogic.get(), name, oldKind);
                }
            }
        }
    }

    private void compareLiteral(String decision, Element old, Element now) {
        for (String attribute : List.of("typeRef", "expressionLanguage")) {
            if (!old.getAttribute(attribute).equals(now.getAttribute(attribute))) {
                add("literalSettingChanged", now, decision, attribute, old.getAttribute(attribute), now.getAttribute(attribute));
            }
        }
        String oldText = DmnDocument.textOf(old);
        String newText = DmnDocument.textOf(now);
        if (!FeelContextText.isContext(oldText) || oldText.equals(newText)) {
            return;
        }
        Optional<Map<String, String>> oldEntries = FeelContextText.entries(oldText);
        Optional<Map<String, String>> newEntries = FeelContextText.entries(newText);
        if (oldEntries.isPresent() && newEntries.isPresent()) {
            compareEntries(decision, now, oldEntries.get(), newEntries.get());
        } else if (!oldText.replaceAll("\\s+", " ").equals(newText.replaceAll("\\s+", " "))) {
            add("calculationChanged", now, decision, oldText, newText);
        }
    }

    private void compareEntries(String decision, Element element, Map<String, String> old, Map<String, String> now) {
        old.forEach((entry, expression) -> {
            String newExpression = now.get(entry);
            if (newExpression == null) {
                add("calculationEntryRemoved", element, decision, entry, expression);
            } else if (!Objects.equals(expression, newExpression)) {
                add("calculationEntryChanged", element, decision, entry, expression, newExpression);
            }
        });
        now.forEach((entry, expression) -> {
            if (!old.containsKey(entry)) {
                add("calculationEntryAdded", element, decision, entry, expression);
            }
        });
        if (old.keySet().equals(now.keySet()) && !List.copyOf(old.keySet()).equals(List.copyOf(now.keySet()))) {
            add("calculationEntriesReordered", element, decision);
        }
    }

    private static Set<String> requirements(DmnDocument document, Element decision) {
        Set<String> names = new TreeSet<>();
        for (String kind : List.of("informationRequirement", "knowledgeRequirement")) {
            for (Element requirement : DmnDocument.children(decision, kind)) {
                for (Element reference : DmnDocument.children(requirement)) {
                    names.add(document.nameOfHref(reference.getAttribute("href")));
                }
            }
        }
        return names;
    }

    static Optional<Element> logic(Element decision) {
        return DmnDocument.children(decision).stream()
                .filter(child -> DmnDocument.DMN13.equals(child.getNamespaceURI()) && !NOT_LOGIC.contains(child.getLocalName()))
                .findFirst();
    }

    private static Map<String, Element> byName(DmnDocument document, String kind) {
        Map<String, Element> elements = new LinkedHashMap<>();
        document.elements(kind).forEach(element -> elements.putIfAbsent(element.getAttribute("name"), element));
        return elements;
    }

    private void add(String code, Element element, String... args) {
        findings.add(finding(code, element, args));
    }

    static Finding finding(String code, Element element, String... args) {
        String id = element == null || element.getAttribute("id").isEmpty() ? null : element.getAttribute("id");
        return new Finding(Check.PROTECTED, code, List.of(args), id);
    }
}
