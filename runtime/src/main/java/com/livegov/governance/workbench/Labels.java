package com.livegov.governance.workbench;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words for values that pages show, in the reader's language ({@code ${@labels.value('tier', streamer.tier)}} in
 * a template): enumeration values ({@code enum.<kind>.<value>}, see {@code messages/enums}), process names
 * ({@code process.name.<processId>}), human task names ({@code task.name.<TaskName>}) and the names of diagram
 * elements ({@code bpmn.<processId>.<elementId>}, for timelines), see {@code messages/processes}. A value without a
 * message is shown as it is, never as a missing-message marker; nothing is shown for null.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of an enumeration value ({@code value("action", "SUSPEND_LIVE")}: "Suspend live streaming"). */
    public String value(String kind, Object value) {
        return value == null ? "" : word("enum." + kind + "." + text(value), text(value));
    }

    /** The name of a process ({@code process("streamerOffboarding")}). */
    public String process(String processId) {
        return processId == null ? "" : word("process.name." + processId, processId);
    }

    /** The name of a human task, by its TaskName, which also names its form ({@code task("Level1Approval")}). */
    public String task(String taskName) {
        return taskName == null ? "" : word("task.name." + taskName, taskName);
    }

    /** The name of a diagram element (a step of a timeline); {@code otherwise} when it has no message. */
    public String element(String processId, String elementId, String otherwise) {
        String fallback = otherwise == null ? (elementId == null ? "" : elementId) : otherwise;
        return processId == null || elementId == null ? fallback : word("bpmn." + processId + "." + elementId, fallback);
    }

    private String word(String code, String otherwise) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, otherwise, locale);
    }

    private static String text(Object value) {
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }
}
