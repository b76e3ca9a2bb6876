package com.livegov.governance.inbox;

import java.util.List;
import java.util.Map;

/**
 * One page of an inbox view, with the number of tasks in every view the user has (for the tabs; the same
 * filters applied).
 *
 * @param view the view
 * @param items the tasks of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many tasks the view holds with these filters, counted up to {@link #MOST_COUNTED} + 1
 * @param counts per view the user may open, how many tasks it holds with these filters, counted up to
 *        {@link #MOST_COUNTED} + 1 (show "1000+")
 */
public record InboxPage<T>(InboxView view, List<T> items, int page, int size, long total, Map<InboxView, Long> counts) {

    /** Counts are exact up to this many; a larger one is given as {@code MOST_COUNTED + 1}. */
    public static final int MOST_COUNTED = InboxSql.MOST_COUNTED;

    /** Whether a count stands for "more than {@link #MOST_COUNTED}". */
    public static boolean isMoreThanCounted(long count) {
        return count > MOST_COUNTED;
    }

    /** How many pages the view has. */
    public long pages() {
        return total == 0 ? 0 : (total + size - 1) / size;
    }
}
