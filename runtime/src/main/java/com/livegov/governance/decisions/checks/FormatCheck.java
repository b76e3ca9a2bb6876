package com.livegov.governance.decisions.checks;

import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

import com.livegov.governance.decisions.checks.Finding.Check;

/**
 * The draft is well-formed XML (read without DTDs or external entities), its root is a DMN 1.3 {@code definitions},
 * and it is this model: the same name and namespace as the version in force.
 */
final class FormatCheck {

    /** Other DMN versions, which the Camunda Modeler and dmn-js (1.4, 1.5) or Drools (1.1, 1.2) may write. */
    private static final Map<String, String> OTHER_VERSIONS = Map.of(
            "http://www.omg.org/spec/DMN/20151101/dmn.xsd", "1.1",
            "https://www.omg.org/spec/DMN/20151101/dmn.xsd", "1.1",
            "http://www.omg.org/spec/DMN/20180521/MODEL/", "1.2",
            "https://www.omg.org/spec/DMN/20211108/MODEL/", "1.4",
            "https://www.omg.org/spec/DMN/20230324/MODEL/", "1.5");

    /** The parsed draft when it passes, and what was found otherwise. */
    record Result(DmnDocument draft, List<Finding> findings) {
    }

    private FormatCheck() {
    }

    static Result check(DmnDocument inForce, String draftXml) {
        DmnDocument draft;
        try {
            draft = DmnDocument.parse(draftXml);
        } catch (DmnDocument.NotXml e) {
            if (e.doctype) {
                return refused("doctypeRefused");
            }
            return refused("notXml", String.valueOf(e.line), String.valueOf(e.getMessage()));
        }
        Element root = draft.root();
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        if (OTHER_VERSIONS.containsKey(namespace)) {
            return refused("dmnVersionRefused", OTHER_VERSIONS.get(namespace), namespace);
        }
        if (!DmnDocument.DMN13.equals(namespace) || !"definitions".equals(root.getLocalName())) {
            return refused("notDmn13", root.getLocalName(), namespace.isEmpty() ? "-" : namespace);
        }
        if (!draft.name().equals(inForce.name()) || !draft.namespace().equals(inForce.namespace())) {
            return refused("otherModel", draft.name(), draft.namespace(), inForce.name(), inForce.namespace());
        }
        return new Result(draft, List.of());
    }

    private static Result refused(String code, String... args) {
        return new Result(null, List.of(new Finding(Check.FORMAT, code, List.of(args), null)));
    }
}
