package com.livegov.governance.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.livegov.governance.dialect.Xml;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The BPMN diagrams of {@code processes/} ({@code <processId>.bpmn} on the class path) in the reader's language,
 * for the bpmn-js viewer: the {@code name} of every element with a message {@code bpmn.<processId>.<elementId>}
 * (tasks, events, gateways, named sequence flows, sub-processes, lanes, participants) is replaced by it, the text
 * of a text annotation likewise, and the process's own name by {@code process.name.<processId>}. Nothing else
 * changes: ids, the process logic and the diagram interchange (shapes, edges, label bounds) stay as they are.
 */
@Component
public class DiagramTranslations {

    static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final MessageSource messages;
    private final Map<String, String> translated = new ConcurrentHashMap<>();

    DiagramTranslations(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The process's BPMN XML with its names in the given language.
     *
     * @param processId the process id, which is also its file name ({@code streamerOffboarding})
     * @param locale one of the workbench's languages (others are answered in the nearest one)
     * @return the XML (UTF-8); empty when there is no process of that id
     */
    public Optional<String> translated(String processId, Locale locale) {
        if (processId == null || !processId.matches("[A-Za-z][A-Za-z0-9_]{0,100}")) {
            return Optional.empty();
        }
        Locale language = WorkbenchConfig.supported(java.util.List.of(locale).iterator());
        String cacheKey = processId + "|" + language.toLanguageTag();
        String known = translated.get(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> xml = read(processId).map(document -> translate(processId, document, language));
        xml.ifPresent(text -> translated.put(cacheKey, text));
        return xml;
    }

    private String translate(String processId, Document document, Locale locale) {
        NodeList elements = document.getElementsByTagNameNS(BPMN_MODEL, "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String id = element.getAttribute("id");
            if (id.isEmpty()) {
                continue;
            }
            if (element.getLocalName().equals("process")) {
                rename(element, "process.name." + processId, locale);
            } else if (element.getLocalName().equals("textAnnotation")) {
                retext(element, "bpmn." + processId + "." + id, locale);
            } else if (element.hasAttribute("name")) {
                rename(element, "bpmn." + processId + "." + id, locale);
            }
        }
        return write(document);
    }

    private void rename(Element element, String code, Locale locale) {
        String name = messages.getMessage(code, null, null, locale);
        if (name != null) {
            element.setAttribute("name", name);
        }
    }

    private void retext(Element annotation, String code, Locale locale) {
        String text = messages.getMessage(code, null, null, locale);
        NodeList texts = annotation.getElementsByTagNameNS(BPMN_MODEL, "text");
        if (text != null && texts.getLength() > 0) {
            texts.item(0).setTextContent(text);
        }
    }

    /** The process's file, if it is a BPMN file whose process has that id. */
    private static Optional<Document> read(String processId) {
        try (InputStream in = DiagramTranslations.class.getResourceAsStream("/" + processId + ".bpmn")) {
            if (in == null) {
                return Optional.empty();
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(in);
            NodeList processes = document.getElementsByTagNameNS(BPMN_MODEL, "process");
            for (int i = 0; i < processes.getLength(); i++) {
                if (processId.equals(((Element) processes.item(i)).getAttribute("id"))) {
                    return Optional.of(document);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the process " + processId, e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The process " + processId + " is not readable BPMN", e);
        }
    }

    private static String write(Document document) {
        return Xml.write(document);
    }
}
