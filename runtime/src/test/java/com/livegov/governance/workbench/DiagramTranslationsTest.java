package com.livegov.governance.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DiagramTranslationsTest {

    private static final String BPMN_DI = "http://www.omg.org/spec/BPMN/20100524/DI";

    private final DiagramTranslations diagrams = new DiagramTranslations(new WorkbenchConfig().messageSource());

    @Test
    void aChineseReaderSeesTheDiagramsNamesInChinese() {
        Document chinese = parse(diagrams.translated("accountActionApproval", Locale.SIMPLIFIED_CHINESE).orElseThrow());

        assertThat(element(chinese, "Task_Level1Approval").getAttribute("name")).isEqualTo("审批（一级）");
        assertThat(element(chinese, "Flow_Level1Escalated").getAttribute("name")).isEqualTo("已超期");
        assertThat(element(chinese, "End_RejectedAtLevel2").getAttribute("name")).isEqualTo("二级驳回");
        assertThat(element(chinese, "accountActionApproval").getAttribute("name")).isEqualTo("账号操作审批");
    }

    @Test
    void nothingButTheNamesChanges() {
        Document original = Models.xml(Models.BUILT_PROCESSES.resolve("violationEscalation.bpmn"));
        Document chinese = parse(diagrams.translated("violationEscalation", Locale.SIMPLIFIED_CHINESE).orElseThrow());

        assertThat(chinese.getElementsByTagName("*").getLength()).isEqualTo(original.getElementsByTagName("*").getLength());
        Element diagramBefore = (Element) original.getElementsByTagNameNS(BPMN_DI, "BPMNDiagram").item(0);
        Element diagramAfter = (Element) chinese.getElementsByTagNameNS(BPMN_DI, "BPMNDiagram").item(0);
        diagramBefore.normalize();
        diagramAfter.normalize();
        assertThat(diagramAfter.isEqualNode(diagramBefore)).as("the diagram interchange is unchanged").isTrue();
        List<Element> before = Models.list(original.getElementsByTagName("*"));
        List<Element> after = Models.list(chinese.getElementsByTagName("*"));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).getNamespaceURI()).isEqualTo(before.get(i).getNamespaceURI());
            assertThat(after.get(i).getLocalName()).isEqualTo(before.get(i).getLocalName());
            assertThat(after.get(i).getAttributes().getLength()).isEqualTo(before.get(i).getAttributes().getLength());
            for (int a = 0; a < before.get(i).getAttributes().getLength(); a++) {
                var attribute = before.get(i).getAttributes().item(a);
                if (!attribute.getNodeName().equals("name")) {
                    assertThat(after.get(i).getAttribute(attribute.getNodeName())).as("%s of %s", attribute.getNodeName(),
                            before.get(i).getAttribute("id")).isEqualTo(attribute.getNodeValue());
                }
            }
        }
        // the technical names (properties, inputs, operations) stay: only shown elements are translated
        assertThat(element(chinese, "Operation_ViolationCase_close").getAttribute("name")).isEqualTo("close");
        assertThat(element(chinese, "Task_CloseWarned").getAttribute("name")).isEqualTo("以警告结案");
        assertThat(element(chinese, "Gateway_SuspensionSplit").getAttribute("name")).isEmpty();
    }

    @Test
    void theEnglishDiagramHasTheModelsNames() {
        Document original = Models.xml(Models.BUILT_PROCESSES.resolve("streamerOffboarding.bpmn"));
        Document english = parse(diagrams.translated("streamerOffboarding", Locale.ENGLISH).orElseThrow());

        for (String id : new String[] {"Task_PreserveEvidence", "Timer_DeadlineWarning", "SubProcess_Handover", "End_Offboarded"}) {
            assertThat(element(english, id).getAttribute("name")).isEqualTo(element(original, id).getAttribute("name"));
        }
        assertThat(english.getDocumentElement().isEqualNode(original.getDocumentElement()))
                .as("in English the served document is the model itself").isTrue();
    }

    @Test
    void aLanguageTheWorkbenchDoesNotSpeakGetsEnglish() {
        Document french = parse(diagrams.translated("permissionReview", Locale.FRENCH).orElseThrow());

        assertThat(element(french, "Task_ReviewPermissions").getAttribute("name")).isEqualTo("Review the permissions of my streamers");
    }

    @Test
    void anUnknownOrMalformedProcessHasNoDiagram() {
        assertThat(diagrams.translated("noSuchProcess", Locale.ENGLISH)).isEmpty();
        assertThat(diagrams.translated("../application", Locale.ENGLISH)).isEmpty();
        assertThat(diagrams.translated("", Locale.ENGLISH)).isEmpty();
    }

    private static Document parse(String xml) {
        return Models.xml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element element(Document document, String id) {
        for (Element element : Models.list(document.getElementsByTagName("*"))) {
            if (id.equals(element.getAttribute("id")) && Models.BPMN.equals(element.getNamespaceURI())) {
                return element;
            }
        }
        throw new AssertionError("no element " + id);
    }
}
