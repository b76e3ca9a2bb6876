package com.livegov.governance.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The form-js forms of {@code forms/} ({@code forms/<FormName>.form} on the class path, the form of the human task of
 * that name) in the reader's language. The texts come from {@code messages/forms}:
 * <ul>
 * <li>{@code form.<FormName>.<id>.label}, {@code .description} and {@code .text} (text components), where
 * {@code <id>} is the component's {@code key}, or its {@code id} when it has no key (texts, tables);</li>
 * <li>{@code form.<FormName>.<id>.value.<value>} for each option of a select, radio, checklist or taglist;</li>
 * <li>{@code form.<FormName>.<id>.column.<columnKey>} for each column of a table.</li>
 * </ul>
 * A text without a message keeps the form's own (English) words. Everything else of the schema (keys, values,
 * validation, layout) is left as it is, so the server's submission check reads the same form.
 */
@Component
public class FormTranslations {

    private static final String[] TEXTS = {"label", "description", "text"};

    private final MessageSource messages;
    private final ObjectMapper json;
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

    FormTranslations(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /**
     * The form's schema with its texts in the given language.
     *
     * @param formName the form's name, which is the name of its human task ({@code Level1Approval})
     * @param locale the reader's language
     * @return a copy of the schema the caller may change; empty when there is no form of that name
     */
    public Optional<JsonNode> translated(String formName, Locale locale) {
        return schema(formName).map(original -> {
            JsonNode copy = original.deepCopy();
            translate(formName, copy.path("components"), locale);
            return copy;
        });
    }

    private void translate(String formName, JsonNode components, Locale locale) {
        for (JsonNode component : components) {
            if (!(component instanceof ObjectNode object)) {
                continue;
            }
            String id = object.hasNonNull("key") ? object.path("key").asText() : object.path("id").asText();
            String prefix = "form." + formName + "." + id + ".";
            for (String text : TEXTS) {
                replace(object, text, prefix + text, locale);
            }
            for (JsonNode option : object.path("values")) {
                if (option instanceof ObjectNode value) {
                    replace(value, "label", prefix + "value." + value.path("value").asText(), locale);
                }
            }
            for (JsonNode column : object.path("columns")) {
                if (column instanceof ObjectNode value) {
                    replace(value, "label", prefix + "column." + value.path("key").asText(), locale);
                }
            }
            translate(formName, object.path("components"), locale);
        }
    }

    private void replace(ObjectNode node, String field, String code, Locale locale) {
        if (node.path(field).isTextual()) {
            node.put(field, messages.getMessage(code, null, node.path(field).asText(), locale));
        }
    }

    private Optional<JsonNode> schema(String formName) {
        if (formName == null || !formName.matches("[A-Za-z0-9_]{1,100}")) {
            return Optional.empty();
        }
        JsonNode known = schemas.get(formName);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JsonNode> loaded = load(formName);
        loaded.ifPresent(schema -> schemas.put(formName, schema));
        return loaded;
    }

    private Optional<JsonNode> load(String formName) {
        try (InputStream in = FormTranslations.class.getResourceAsStream("/forms/" + formName + ".form")) {
            return in == null ? Optional.empty() : Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form " + formName, e);
        }
    }
}
