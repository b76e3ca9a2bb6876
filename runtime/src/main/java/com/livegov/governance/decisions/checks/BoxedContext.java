package com.livegov.governance.decisions.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Element;

/** A boxed context read entry by entry, so that a changed calculation is named by its entry. */
final class BoxedContext {

    private BoxedContext() {
    }

    /** A boxed context's entries: variable name (or "result" for the final one) to its text, or its canonical form when not a literal. */
    static Map<String, String> entries(DmnDocument document, Element context) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Element entry : DmnDocument.children(context, "contextEntry")) {
            Optional<Element> variable = DmnDocument.child(entry, "variable");
            String name = variable.map(v -> v.getAttribute("name")).orElse("result");
            String type = variable.map(v -> v.getAttribute("typeRef")).orElse("");
            Optional<Element> literal = DmnDocument.child(entry, "literalExpression");
            String value = literal.isPresent() && DmnDocument.children(entry).size() == (variable.isPresent() ? 2 : 1)
                    ? DmnDocument.textOf(literal.get()).replaceAll("\\s+", " ") + (literal.get().getAttribute("typeRef").isEmpty() ? "" : " : " + literal.get().getAttribute("typeRef"))
                    : Canonical.of(document, entry);
            entries.put(name, type.isEmpty() ? value : value + " (" + type + ")");
        }
        return entries;
    }
}
