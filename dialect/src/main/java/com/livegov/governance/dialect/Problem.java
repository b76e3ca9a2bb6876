package com.livegov.governance.dialect;

/**
 * Something in a Camunda-dialect BPMN file that cannot be translated: the file, the element (its id), the attribute
 * (as the file spells it, e.g. {@code camunda:formKey}) and a plain message.
 */
public record Problem(String file, String elementId, String attribute, String message) {

    @Override
    public String toString() {
        return file + ": element '" + elementId + "', " + (attribute == null || attribute.isEmpty() ? "" : "attribute '" + attribute + "': ")
                + message;
    }
}
