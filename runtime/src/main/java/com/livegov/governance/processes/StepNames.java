package com.livegov.governance.processes;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The name of a process or of one of its steps in the reader's language ({@code ${@stepNames.step(processId, elementId, name)}}
 * in a template): {@code diagram.node.<processId>.<elementId>} and {@code diagram.process.<processId>} from the message bundles,
 * else the label the model gives it.
 */
@Component("stepNames")
public class StepNames {

    private final MessageSource messages;

    StepNames(MessageSource messages) {
        this.messages = messages;
    }

    public String step(String processId, String elementId, String modelName) {
        String fallback = modelName == null || modelName.isBlank() ? elementId : modelName;
        return elementId == null ? fallback
                : messages.getMessage("diagram.node." + processId + "." + elementId, null, fallback, LocaleContextHolder.getLocale());
    }

    /** Whether the model names the element (its unnamed gateways and joins are not worth a line of a timeline). */
    public boolean isNamed(String processId, String elementId) {
        return elementId != null && messages.getMessage("diagram.node." + processId + "." + elementId, null, null,
                LocaleContextHolder.getLocale()) != null;
    }

    public String process(String processId) {
        return messages.getMessage("diagram.process." + processId, null, processId, LocaleContextHolder.getLocale());
    }
}
