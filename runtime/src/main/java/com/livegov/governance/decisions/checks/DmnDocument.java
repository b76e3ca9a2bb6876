package com.livegov.governance.decisions.checks;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A DMN file read as XML, safely: no DTD, no external entity, no XInclude. The checks and the diff read the model's
 * structure from here rather than from the engine, so that they see exactly what the file says.
 */
final class DmnDocument {

    static final String DMN13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    private final Element root;
    private final Map<String, Element> byId = new HashMap<>();

    private DmnDocument(Element root) {
        this.root = root;
        index(root);
    }

    /** Parses the XML; throws {@link NotXml} with the parser's words and the line when it is not well-formed. */
    static DmnDocument parse(String xml) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            Document document = builder.parse(new InputSource(new StringReader(xml == null ? "" : xml)));
            return new DmnDocument(document.getDocumentElement());
        } catch (SAXParseException e) {
            throw new NotXml(e.getLineNumber(), e.getMessage(), String.valueOf(e.getMessage()).contains("DOCTYPE"));
        } catch (SAXException | IOException e) {
            throw new NotXml(-1, e.getMessage(), false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made", e);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private void index(Element element) {
        String id = element.getAttribute("id");
        if (!id.isEmpty()) {
            byId.putIfAbsent(id, element);
        }
        for (Element child : children(element)) {
            index(child);
        }
    }

    Element root() {
        return root;
    }

    String name() {
        return root.getAttribute("name");
    }

    String namespace() {
        return root.getAttribute("namespace");
    }

    /** The model's top-level elements of a kind ({@code decision}, {@code inputData}, {@code itemDefinition}, ...). */
    List<Element> elements(String localName) {
        return children(root, localName);
    }

    Optional<Element> element(String localName, String name) {
        return elements(localName).stream().filter(element -> name.equals(element.getAttribute("name"))).findFirst();
    }

    /** The name of the element an {@code href="#id"} points to, or the href itself when nothing has that id. */
    String nameOfHref(String href) {
        Element target = href.startsWith("#") ? byId.get(href.substring(1)) : null;
        return target == null || target.getAttribute("name").isEmpty() ? href : target.getAttribute("name");
    }

    /** The type a variable declares: the {@code typeRef} of the element's {@code variable}. */
    static String variableType(Element element) {
        return child(element, "variable").map(variable -> variable.getAttribute("typeRef")).orElse("");
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** The DMN children of a kind, in document order. */
    static List<Element> children(Element parent, String localName) {
        return children(parent).stream()
                .filter(element -> DMN13.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName()))
                .toList();
    }

    static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The text of a child's {@code text} element ({@code <inputEntry><text>...</text></inputEntry>}), trimmed. */
    static String textOf(Element element) {
        return element == null ? "" : child(element, "text").map(text -> text.getTextContent().strip()).orElse("");
    }

    /** The trimmed text of a child element such as {@code description}, or "" when absent. */
    static String childText(Element parent, String localName) {
        return child(parent, localName).map(child -> child.getTextContent().strip()).orElse("");
    }

    /** The well-formedness failure, with the line when the parser knows it. */
    static final class NotXml extends RuntimeException {
        final int line;
        /** The file declares a DTD, which is refused whatever it contains. */
        final boolean doctype;

        NotXml(int line, String detail, boolean doctype) {
            super(detail);
            this.line = line;
            this.doctype = doctype;
        }
    }
}
