package com.livegov.governance.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The form-js forms of {@code forms/}, one per human task ({@code forms/<TaskName>.form}), and the check of a
 * submission against its form: every editable field of the form, each of its type, required fields present,
 * choices among the form's values, lengths, ranges and decimal digits as the form states them; nothing the form
 * does not ask. "Required" means what form-js means by it: a required checkbox must be ticked, a required
 * multi-value field ({@code taglist}, {@code checklist}) must hold at least one value.
 */
@Component
public class TaskForms {

    private static final Set<String> MULTI_VALUE_TYPES = Set.of("taglist", "checklist");

    /**
     * One refused field: the message in English for API clients, and a code with its arguments that the
     * workbench turns into words of the user's language ({@code task.error.<code>}).
     */
    public record FieldError(String field, String message, String code, List<Object> arguments) {

        public FieldError {
            arguments = List.copyOf(arguments);
        }

        /** A refusal with no code of its own (the workbench shows the English message). */
        public FieldError(String field, String message) {
            this(field, message, "invalid", List.of());
        }
    }

    /** A refusal's English message, code and arguments, before the field is known. */
    private record Problem(String message, String code, List<Object> arguments) {

        static Optional<Problem> of(String message, String code, Object... arguments) {
            return Optional.of(new Problem(message, code, List.of(arguments)));
        }

        FieldError on(String field) {
            return new FieldError(field, message, code, arguments);
        }
    }

    /** An editable field of a form. */
    record Field(String key, String type, boolean required, List<JsonNode> values, Integer minLength, Integer maxLength,
            BigDecimal min, BigDecimal max, Integer decimalDigits) {

        boolean multiple() {
            return MULTI_VALUE_TYPES.contains(type);
        }

        /** Whether a value leaves this field empty, as form-js sees it when the field is required. */
        boolean isEmpty(Object value) {
            return value == null || value instanceof String text && text.isBlank()
                    || type.equals("checkbox") && Boolean.FALSE.equals(value)
                    || value instanceof Collection<?> list && list.isEmpty();
        }
    }

    private final ObjectMapper json;
    private final Map<String, Optional<Map<String, Field>>> forms = new ConcurrentHashMap<>();

    TaskForms(ObjectMapper json) {
        this.json = json;
    }

    /** Whether a task of that name has a form. */
    public boolean hasForm(String taskName) {
        return fields(taskName).isPresent();
    }

    /**
     * Checks a submission.
     *
     * @param taskName the task's name, which names its form
     * @param submitted the fields sent now
     * @param alreadySet outputs set earlier on the task (they count for required fields)
     * @param completing whether the task is being completed (then required fields must be there)
     * @return the refused fields; empty when the submission is acceptable
     */
    public List<FieldError> check(String taskName, Map<String, Object> submitted, Map<String, Object> alreadySet, boolean completing) {
        Map<String, Field> fields = fields(taskName).orElseThrow(() -> new IllegalStateException("No form for task " + taskName));
        List<FieldError> errors = new ArrayList<>();
        submitted.forEach((key, value) -> {
            Field field = fields.get(key);
            if (field == null) {
                errors.add(new FieldError(key, "is not a field of the form " + taskName, "notAField", List.of()));
            } else if (value != null) {
                checkValue(field, json.valueToTree(value)).ifPresent(problem -> errors.add(problem.on(key)));
            }
        });
        if (completing) {
            for (Field field : fields.values()) {
                Object value = submitted.containsKey(field.key()) ? submitted.get(field.key()) : alreadySet.get(field.key());
                if (field.required() && field.isEmpty(value)) {
                    errors.add(new FieldError(field.key(), "is required", "required", List.of()));
                }
            }
        }
        return errors;
    }

    private static Optional<Problem> checkValue(Field field, JsonNode value) {
        if (field.multiple()) {
            return checkValues(field, value);
        }
        if (!field.values().isEmpty()) {
            return field.values().contains(value) ? Optional.empty()
                    : Problem.of("must be one of " + field.values() + ", not " + value, "notAChoice");
        }
        switch (field.type()) {
            case "number" -> {
                if (!value.isNumber()) {
                    return Problem.of("must be a number, not " + value, "notANumber");
                }
                BigDecimal number = value.decimalValue();
                if (field.min() != null && number.compareTo(field.min()) < 0) {
                    return Problem.of("must be at least " + field.min(), "tooSmall", field.min().toPlainString());
                }
                if (field.max() != null && number.compareTo(field.max()) > 0) {
                    return Problem.of("must be at most " + field.max(), "tooLarge", field.max().toPlainString());
                }
                if (field.decimalDigits() != null && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits()) {
                    return field.decimalDigits() == 0 ? Problem.of("must be a whole number", "wholeNumber")
                            : Problem.of("must have at most " + field.decimalDigits() + " decimal digits", "tooManyDecimals", field.decimalDigits());
                }
            }
            case "checkbox" -> {
                if (!value.isBoolean()) {
                    return Problem.of("must be true or false, not " + value, "notABoolean");
                }
            }
            default -> {
                if (!value.isTextual()) {
                    return Problem.of("must be text, not " + value, "notText");
                }
                int length = value.asText().length();
                if (field.minLength() != null && length < field.minLength()) {
                    return Problem.of("must have at least " + field.minLength() + " characters", "tooShort", field.minLength());
                }
                if (field.maxLength() != null && length > field.maxLength()) {
                    return Problem.of("must have at most " + field.maxLength() + " characters", "tooLong", field.maxLength());
                }
            }
        }
        return Optional.empty();
    }

    /** A multi-value field: a list of texts, each among the form's values when the form lists them. */
    private static Optional<Problem> checkValues(Field field, JsonNode value) {
        if (!value.isArray()) {
            return Problem.of("must be a list, not " + value, "notAList");
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                return Problem.of("must hold texts, not " + element, "notText");
            }
            if (!field.values().isEmpty() && !field.values().contains(element)) {
                return Problem.of("must hold values among " + field.values() + ", not " + element, "notAChoice");
            }
        }
        return Optional.empty();
    }

    private Optional<Map<String, Field>> fields(String taskName) {
        return forms.computeIfAbsent(taskName, this::load);
    }

    private Optional<Map<String, Field>> load(String taskName) {
        if (!taskName.matches("[A-Za-z0-9_]+")) {
            return Optional.empty();
        }
        try (InputStream in = TaskForms.class.getResourceAsStream("/forms/" + taskName + ".form")) {
            if (in == null) {
                return Optional.empty();
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(json.readTree(in).path("components"), fields);
            return Optional.of(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form of " + taskName, e);
        }
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            if (!component.hasNonNull("key") || component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            List<JsonNode> values = new ArrayList<>();
            component.path("values").forEach(option -> values.add(option.path("value")));
            fields.put(component.path("key").asText(), new Field(component.path("key").asText(), component.path("type").asText(),
                    validate.path("required").asBoolean(false), values,
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
                    validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
                    component.hasNonNull("decimalDigits") ? component.path("decimalDigits").asInt() : null));
        }
    }
}
