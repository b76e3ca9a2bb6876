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
 * @param total how many tasks the view holds with these filters
 * @param counts per view the user may open, how many tasks it holds with these filters
 */
public record InboxPage<T>(InboxView view, List<T> items, int page, int size, long total, Map<InboxView, Long> counts) {

    /** How many pages the view has. */
    public long pages() {
        return total == 0 ? 0 : (total + size - 1) / size;
    }
}
