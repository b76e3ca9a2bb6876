package com.livegov.governance.inbox;

import java.time.Instant;

/**
 * What narrows an inbox view, and which page of it: every criterion is optional (null or false: not applied).
 *
 * @param processId only tasks of this process ({@code accountActionApproval})
 * @param streamerId only tasks of processes about this streamer
 * @param overdueOnly only tasks whose due time has passed
 * @param dueBefore only tasks due before this instant
 * @param text only tasks whose name, description or streamer's name contains this text (any case)
 * @param sort the order (default: soonest due first)
 * @param page the page, from 0
 * @param size tasks per page, 1 to {@value #MAX_SIZE}
 */
public record InboxFilter(String processId, String streamerId, boolean overdueOnly, Instant dueBefore, String text,
        InboxSort sort, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_TEXT = 200;

    public InboxFilter {
        if (page < 0) {
            throw new InvalidInboxRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInboxRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInboxRequest("text", "must be at most " + MAX_TEXT + " characters");
        }
        processId = blankToNull(processId);
        streamerId = blankToNull(streamerId);
        text = blankToNull(text);
        sort = sort == null ? InboxSort.DUE_ASC : sort;
    }

    /** The first page of 20, soonest due first, nothing filtered. */
    public static InboxFilter firstPage() {
        return new InboxFilter(null, null, false, null, null, InboxSort.DUE_ASC, 0, DEFAULT_SIZE);
    }

    public InboxFilter page(int number, int pageSize) {
        return new InboxFilter(processId, streamerId, overdueOnly, dueBefore, text, sort, number, pageSize);
    }

    public InboxFilter sortedBy(InboxSort order) {
        return new InboxFilter(processId, streamerId, overdueOnly, dueBefore, text, order, page, size);
    }

    public InboxFilter ofProcess(String process) {
        return new InboxFilter(process, streamerId, overdueOnly, dueBefore, text, sort, page, size);
    }

    public InboxFilter ofStreamer(String streamer) {
        return new InboxFilter(processId, streamer, overdueOnly, dueBefore, text, sort, page, size);
    }

    public InboxFilter overdue() {
        return new InboxFilter(processId, streamerId, true, dueBefore, text, sort, page, size);
    }

    public InboxFilter dueBefore(Instant instant) {
        return new InboxFilter(processId, streamerId, overdueOnly, instant, text, sort, page, size);
    }

    public InboxFilter containing(String words) {
        return new InboxFilter(processId, streamerId, overdueOnly, dueBefore, words, sort, page, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
