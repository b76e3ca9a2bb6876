package com.livegov.governance.processes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.workbench.Times;
import org.springframework.stereotype.Component;

/**
 * A process instance's variables as a reader sees them: by name, empty ones left out, times in the company's zone,
 * codes in words where the bundles name them ({@code SUSPEND_LIVE}: "Live streaming suspended"), structured values as
 * short JSON.
 */
@Component
class VariablesInWords {

    /** One variable: its name (the label comes from {@code processes.variable.<name>} when there is one) and value. */
    record Variable(String name, String value) {
    }

    private static final int LONGEST_VALUE = 240;
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]+");
    /** Where the bundles name the codes a process carries (actions, account kinds, severities, tiers, states). */
    private static final List<String> CODE_NAMES = List.of("streamers.action.", "account.kind.", "streamers.severity.",
            "streamer.tier.", "streamer.status.", "account.status.", "grant.level.", "streamers.violationKind.", "streamers.source.");

    private final ObjectMapper json;
    private final Times times;
    private final MessageSource messages;

    VariablesInWords(ObjectMapper json, Times times, MessageSource messages) {
        this.json = json;
        this.times = times;
        this.messages = messages;
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
        } else if (value instanceof CharSequence || value instanceof Enum<?>) {
            text = inWords(value.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            text = value.toString();
        } else {
            try {
                text = json.writeValueAsString(value).replace("\",\"", "\", \"").replace("\":", "\": ");
            } catch (JsonProcessingException | RuntimeException e) {
                text = String.valueOf(value);
            }
        }
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "…" : text;
    }

    /** A code the bundles name, in words; any other text as it is. */
    private String inWords(String text) {
        if (!CODE.matcher(text).matches()) {
            return text;
        }
        for (String prefix : CODE_NAMES) {
            String name = messages.getMessage(prefix + text, null, null, LocaleContextHolder.getLocale());
            if (name != null) {
                return name;
            }
        }
        return text;
    }
}
