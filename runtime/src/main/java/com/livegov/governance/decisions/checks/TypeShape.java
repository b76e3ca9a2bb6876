package com.livegov.governance.decisions.checks;

import static com.livegov.governance.decisions.checks.DmnDocument.child;
import static com.livegov.governance.decisions.checks.DmnDocument.children;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.w3c.dom.Element;

/**
 * What a type reference means in one model, as the file states it: the type named, the built-in type it rests on,
 * its allowed values, whether it is a list, and its components (each rendered the same way).
 *
 * @param typeRef the type named ({@code Percent}, {@code string}), "" when none is named
 * @param baseType the built-in type at the end of the chain of item definitions; {@code structure} for components
 */
record TypeShape(String typeRef, String baseType, String allowedValues, boolean collection, Map<String, String> components) {

    private static final int MAX_DEPTH = 16;

    static TypeShape of(DmnDocument document, String typeRef) {
        return of(document, typeRef, 0);
    }

    private static TypeShape of(DmnDocument document, String typeRef, int depth) {
        Optional<Element> item = depth > MAX_DEPTH ? Optional.empty() : document.element("itemDefinition", typeRef);
        if (item.isEmpty()) {
            return new TypeShape(typeRef, typeRef, "", false, Map.of());
        }
        TypeShape shape = ofItem(document, item.get(), depth);
        return new TypeShape(typeRef, shape.baseType, shape.allowedValues, shape.collection, shape.components);
    }

    private static TypeShape ofItem(DmnDocument document, Element item, int depth) {
        String allowed = child(item, "allowedValues").map(DmnDocument::textOf).orElse("");
        boolean collection = "true".equals(item.getAttribute("isCollection"));
        String ref = DmnDocument.childText(item, "typeRef");
        Map<String, String> components = new LinkedHashMap<>();
        for (Element component : children(item, "itemComponent")) {
            components.put(component.getAttribute("name"), ofItem(document, component, depth + 1).render());
        }
        if (!components.isEmpty()) {
            return new TypeShape(item.getAttribute("name"), "structure", allowed, collection, components);
        }
        TypeShape base = ref.isEmpty() ? new TypeShape("", "", "", false, Map.of()) : of(document, ref, depth + 1);
        return new TypeShape(ref, base.baseType, allowed.isEmpty() ? base.allowedValues : allowed,
                collection || base.collection, base.components);
    }

    /** The shape in one line: {@code number (>= 0)}, {@code list of string}, {@code {a: boolean, b: number}}. */
    String render() {
        String text = components.isEmpty() ? baseType
                : components.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                        .collect(Collectors.joining(", ", "{", "}"));
        if (!allowedValues.isEmpty()) {
            text = text + " (" + allowedValues + ")";
        }
        return collection ? "[" + text + "]" : text;
    }
}
