package com.livegov.governance.inbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the inbox API's parameters and bodies, refusing anything malformed with the parameter named (400). */
final class InboxRequests {

    private InboxRequests() {
    }

    static InboxFilter filter(String process, String streamer, String overdue, String dueBefore, String text, String sort, String page,
            String size) {
        return new InboxFilter(process, streamer, bool("overdue", overdue), instant("dueBefore", dueBefore), text,
                sort == null || sort.isBlank() ? InboxSort.DUE_ASC
                        : InboxSort.of(sort).orElseThrow(() -> new InvalidInboxRequest("sort", "must be one of due, -due, created, -created")),
                integer("page", page, 0), integer("size", size, InboxFilter.DEFAULT_SIZE));
    }

    static InboxView view(String view) {
        if (view == null || view.isBlank()) {
            return InboxView.MINE;
        }
        return InboxView.of(view).orElseThrow(() -> new InvalidInboxRequest("view",
                "must be one of mine, groups-unassigned, completed-by-me, team, visible"));
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidInboxRequest(name, "must be true or false");
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInboxRequest(name, "must be an ISO-8601 instant such as 2026-12-24T08:00:00Z");
        }
    }

    static int integer(String name, String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInboxRequest(name, "must be a whole number");
        }
    }

    /** The body's fields must be among these. */
    static void onlyFields(Map<String, Object> body, Set<String> allowed) {
        if (body == null) {
            throw new InvalidInboxRequest("body", "must be a JSON object");
        }
        body.keySet().stream().filter(key -> !allowed.contains(key)).sorted().findFirst().ifPresent(key -> {
            throw new InvalidInboxRequest(key, "is not a field of this request; the fields are " + allowed.stream().sorted().toList());
        });
    }

    /** {@code taskIds}: 1 to 100 task ids, as text. */
    static List<String> taskIds(Map<String, Object> body) {
        if (!(body.get("taskIds") instanceof Collection<?> values) || values.isEmpty()) {
            throw new InvalidInboxRequest("taskIds", "must be a list of 1 to " + TaskAssignments.MAX_TASKS + " task ids");
        }
        if (values.size() > TaskAssignments.MAX_TASKS) {
            throw new InvalidInboxRequest("taskIds", "must hold at most " + TaskAssignments.MAX_TASKS + " task ids");
        }
        List<String> ids = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String id) || id.isBlank() || id.length() > 100) {
                throw new InvalidInboxRequest("taskIds", "must hold task ids as text");
            }
            ids.add(id);
        }
        return ids;
    }

    /** A text field: null when absent; refused when not text or too long. */
    static String text(Map<String, Object> body, String field, int maxLength) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > maxLength) {
            throw new InvalidInboxRequest(field, "must be text of at most " + maxLength + " characters");
        }
        return text;
    }
}
