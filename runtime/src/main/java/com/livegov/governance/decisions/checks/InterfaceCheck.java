package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.w3c.dom.Element;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * What processes and callers rely on: the input data (names and types) and the decisions (names and output
 * types). Types are compared as the file states them: the type named, and for item definitions their base type,
 * allowed values, list-ness and components.
 */
final class InterfaceCheck {

    private static final String NONE = "-";

    private InterfaceCheck() {
    }

    static List<Finding> compare(DmnDocument inForce, DmnDocument draft) {
        List<Finding> findings = new ArrayList<>();
        compareElements(inForce, draft, "inputData", "input", findings);
        compareElements(inForce, draft, "decision", "decision", findings);
        return findings;
    }

    private static void compareElements(DmnDocument inForce, DmnDocument draft, String kind, String prefix, List<Finding> findings) {
        Map<String, Element> before = byName(inForce, kind);
        Map<String, Element> after = byName(draft, kind);
        String typePrefix = kind.equals("decision") ? "output" : "input";
        before.forEach((name, element) -> {
            TypeShape old = TypeShape.of(inForce, DmnDocument.variableType(element));
            Element now = after.get(name);
            if (now == null) {
                findings.add(finding(prefix + "Removed", element, name, old.render()));
            } else {
                compareTypes(typePrefix, name, old, TypeShape.of(draft, DmnDocument.variableType(now)), now, findings);
            }
        });
        after.forEach((name, element) -> {
            if (!before.containsKey(name)) {
                findings.add(finding(prefix + "Added", element, name, TypeShape.of(draft, DmnDocument.variableType(element)).render()));
            }
        });
    }

    private static void compareTypes(String prefix, String name, TypeShape old, TypeShape now, Element element, List<Finding> findings) {
        if (!old.typeRef().equals(now.typeRef())) {
            findings.add(finding(prefix + "TypeChanged", element, name, orNone(old.typeRef()), orNone(now.typeRef()), old.render(), now.render()));
            return;
        }
        if (!old.baseType().equals(now.baseType())) {
            findings.add(finding(prefix + "BaseTypeChanged", element, name, orNone(old.baseType()), orNone(now.baseType())));
        }
        if (!old.allowedValues().equals(now.allowedValues())) {
            String code = prefix.equals("input") ? "allowedValuesChanged" : "outputAllowedValuesChanged";
            findings.add(finding(code, element, name, orNone(old.allowedValues()), orNone(now.allowedValues())));
        }
        if (old.collection() != now.collection()) {
            findings.add(finding(prefix + "CollectionChanged", element, name, String.valueOf(old.collection()), String.valueOf(now.collection())));
        }
        old.components().forEach((component, type) -> {
            String newType = now.components().get(component);
            if (newType == null) {
                findings.add(finding(prefix + "ComponentRemoved", element, name, component, type));
            } else if (!Objects.equals(type, newType)) {
                findings.add(finding(prefix + "ComponentChanged", element, name, component, type, newType));
            }
        });
        now.components().forEach((component, type) -> {
            if (!old.components().containsKey(component)) {
                findings.add(finding(prefix + "ComponentAdded", element, name, component, type));
            }
        });
    }

    private static Map<String, Element> byName(DmnDocument document, String kind) {
        Map<String, Element> elements = new LinkedHashMap<>();
        document.elements(kind).forEach(element -> elements.putIfAbsent(element.getAttribute("name"), element));
        return elements;
    }

    private static String orNone(String text) {
        return text.isEmpty() ? NONE : text;
    }

    private static Finding finding(String code, Element element, String... args) {
        return new Finding(Check.INTERFACE, code, List.of(args), element.getAttribute("id").isEmpty() ? null : element.getAttribute("id"));
    }
}
