package com.livegov.governance.processes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.workbench.Times;
import org.springframework.stereotype.Component;

/**
 * A process instance's variables as a reader sees them: by name, empty ones left out, times in the company's zone,
 * structured values as short JSON.
 */
@Component
class VariablesInWords {

    /** One variable: its name (the label comes from {@code processes.variable.<name>} when there is one) and value. */
    record Variable(String name, String value) {
    }

    private static final int LONGEST_VALUE = 240;

    private final ObjectMapper json;
    private final Times times;

    VariablesInWords(ObjectMapper json, Times times) {
        this.json = json;
        this.times = times;
    }

    List<Variable> of(Map<String, Object> variables) {
        return variables.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getKey().startsWith("$"))
                .filter(entry -> !(entry.getValue() instanceof Collection<?> c && c.isEmpty())
                        && !(entry.getValue() instanceof Map<?, ?> m && m.isEmpty()))
                .map(entry -> new Variable(entry.getKey(), text(entry.getValue())))
                .sorted(java.util.Comparator.comparing(Variable::name))
                .toList();
    }

    private String text(Object value) {
        String text;
        if (value instanceof Instant instant) {
            text = times.format(instant);
        } else if (value instanceof OffsetDateTime time) {
            text = times.format(time.toInstant());
        } else if (value instanceof ZonedDateTime time) {
            text = times.format(time.toInstant());
        } else if (value instanceof Date date) {
            text = times.format(date.toInstant());
        } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            text = value.toString();
        } else {
            try {
                text = json.writeValueAsString(value);
            } catch (JsonProcessingException | RuntimeException e) {
                text = String.valueOf(value);
            }
        }
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "…" : text;
    }
}
