package com.livegov.governance.imports;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts refusals in words, in the reader's language, from the bundle {@code messages/imports}
 * ({@code imports.error.<CODE>}); the arguments are the values the message names.
 */
@Component
public class ImportMessages {

    private static final Comparator<Refusal> FILE_ORDER = Comparator.comparing(Refusal::row, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final MessageSource messages;

    ImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusals in the file's order (the file's own problems first), in the current request's language. */
    public List<ImportError> describe(List<Refusal> refusals) {
        return describe(refusals, LocaleContextHolder.getLocale());
    }

    public List<ImportError> describe(List<Refusal> refusals, Locale locale) {
        return refusals.stream().sorted(FILE_ORDER)
                .map(refusal -> new ImportError(refusal.row(), refusal.column(), refusal.code(),
                        messages.getMessage("imports.error." + refusal.code(), texts(refusal.arguments()), locale)))
                .toList();
    }

    /** The arguments as text: a row number is 12000, not 12,000. */
    private static Object[] texts(List<Object> arguments) {
        return arguments.stream().map(String::valueOf).toArray();
    }

    /** A sentence of the bundle, e.g. the problem document's detail. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, texts(List.of(arguments)), LocaleContextHolder.getLocale());
    }
}
