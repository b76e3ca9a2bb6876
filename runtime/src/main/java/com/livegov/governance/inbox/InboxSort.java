package com.livegov.governance.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The order of an inbox page; ties are broken by task id (in the same direction, so an index serves it), so pages never overlap. */
public enum InboxSort {
    /** Soonest due first; tasks without a deadline last. */
    DUE_ASC("due", "i.due_at asc nulls last, i.task_id asc"),
    /** Latest due first; tasks without a deadline last. */
    DUE_DESC("-due", "i.due_at desc nulls last, i.task_id desc"),
    /** Oldest first. */
    CREATED_ASC("created", "i.created_at asc, i.task_id asc"),
    /** Newest first. */
    CREATED_DESC("-created", "i.created_at desc, i.task_id desc");

    private final String id;
    private final String orderBy;

    InboxSort(String id, String orderBy) {
        this.id = id;
        this.orderBy = orderBy;
    }

    /** As written in URLs: {@code due}, {@code -due}, {@code created}, {@code -created}. */
    public String id() {
        return id;
    }

    String orderBy() {
        return orderBy;
    }

    /** The sort named {@code due}, {@code -due}, {@code created}, {@code -created} (or the enum name, any case). */
    public static Optional<InboxSort> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(values())
                .filter(sort -> sort.id.equals(wanted) || sort.name().equals(wanted.toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
