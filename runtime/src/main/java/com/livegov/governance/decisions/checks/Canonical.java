package com.livegov.governance.decisions.checks;

import java.util.Set;
import java.util.TreeMap;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The part of a model element that affects evaluation, as one line of text: element names, attributes and texts of
 * the DMN namespace, with references resolved to names. Ids, labels, descriptions, extension elements, other
 * namespaces (the diagram, tools' own attributes) and layout whitespace are left out, so two elements that evaluate
 * alike read alike.
 */
final class Canonical {

    private static final Set<String> IGNORED_ELEMENTS = Set.of("description", "extensionElements");
    private static final Set<String> IGNORED_ATTRIBUTES = Set.of("id", "label", "outputLabel", "preferredOrientation");

    private Canonical() {
    }

    static String of(DmnDocument document, Element element) {
        StringBuilder text = new StringBuilder();
        write(document, element, text);
        return text.toString();
    }

    private static void write(DmnDocument document, Element element, StringBuilder text) {
        text.append(element.getLocalName());
        TreeMap<String, String> attributes = new TreeMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attribute = (Attr) all.item(i);
            String namespace = attribute.getNamespaceURI();
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (namespace == null && !IGNORED_ATTRIBUTES.contains(name)) {
                attributes.put(name, name.equals("href") ? document.nameOfHref(attribute.getValue()) : attribute.getValue());
            }
        }
        if (!attributes.isEmpty()) {
            text.append(attributes);
        }
        text.append('(');
        boolean first = true;
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                if (!DmnDocument.DMN13.equals(child.getNamespaceURI()) || IGNORED_ELEMENTS.contains(child.getLocalName())) {
                    continue;
                }
                if (!first) {
                    text.append(',');
                }
                write(document, child, text);
                first = false;
            } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                String value = node.getNodeValue().strip();
                if (!value.isEmpty()) {
                    text.append('"').append(value).append('"');
                }
            }
        }
        text.append(')');
    }
}
