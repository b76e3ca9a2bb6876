package com.livegov.governance.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the inbox page's filter form asked for, as typed (to show it again), with the message key of every
 * value that could not be read; {@link #filter()} is the query's filter when there is none.
 */
public record InboxFilters(InboxView view, String process, String streamer, boolean overdue, String dueBefore, Instant dueBeforeInstant,
        String text, InboxSort sort, int page, int size, Map<String, String> errors) {

    static InboxFilters read(Map<String, String> parameters, Function<String, Instant> localInstant) {
        Map<String, String> errors = new LinkedHashMap<>();
        InboxView view = InboxView.of(parameters.getOrDefault("view", "mine")).orElseGet(() -> {
            errors.put("view", "inbox.filter.error.view");
            return InboxView.MINE;
        });
        String dueBefore = trimmed(parameters.get("dueBefore"));
        Instant dueBeforeInstant = null;
        if (dueBefore != null) {
            dueBeforeInstant = localInstant.apply(dueBefore);
            if (dueBeforeInstant == null) {
                errors.put("dueBefore", "inbox.filter.error.dueBefore");
            }
        }
        InboxSort sort = parameters.get("sort") == null || parameters.get("sort").isBlank() ? InboxSort.DUE_ASC
                : InboxSort.of(parameters.get("sort")).orElse(null);
        if (sort == null) {
            errors.put("sort", "inbox.filter.error.sort");
            sort = InboxSort.DUE_ASC;
        }
        int page = number(parameters.get("page"), 0);
        int size = number(parameters.get("size"), InboxFilter.DEFAULT_SIZE);
        if (page < 0) {
            errors.put("page", "inbox.filter.error.page");
            page = 0;
        }
        if (size < 1 || size > InboxFilter.MAX_SIZE) {
            errors.put("size", "inbox.filter.error.size");
            size = InboxFilter.DEFAULT_SIZE;
        }
        String text = trimmed(parameters.get("text"));
        if (text != null && text.length() > InboxFilter.MAX_TEXT) {
            errors.put("text", "inbox.filter.error.text");
            text = text.substring(0, InboxFilter.MAX_TEXT);
        }
        return new InboxFilters(view, trimmed(parameters.get("process")), trimmed(parameters.get("streamer")),
                "true".equals(parameters.get("overdue")) || "on".equals(parameters.get("overdue")), dueBefore, dueBeforeInstant, text, sort,
                page, size, errors);
    }

    public InboxFilter filter() {
        return new InboxFilter(process, streamer, overdue, dueBeforeInstant, text, sort, page, size);
    }

    /** This page's address with another view (page reset), for the tabs. */
    public String withView(InboxView other) {
        return address(other, 0);
    }

    /** This page's address on another page number. */
    public String withPage(int number) {
        return address(view, number);
    }

    /** This page's address as it is. */
    public String self() {
        return address(view, page);
    }

    private String address(InboxView target, int number) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/inbox").queryParam("view", target.id());
        if (process != null) {
            uri.queryParam("process", process);
        }
        if (streamer != null) {
            uri.queryParam("streamer", streamer);
        }
        if (overdue) {
            uri.queryParam("overdue", "true");
        }
        if (dueBefore != null) {
            uri.queryParam("dueBefore", dueBefore);
        }
        if (text != null) {
            uri.queryParam("text", text);
        }
        if (sort != InboxSort.DUE_ASC) {
            uri.queryParam("sort", sort.id());
        }
        if (number > 0) {
            uri.queryParam("page", number);
        }
        return uri.encode().build().toUriString();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int number(String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
