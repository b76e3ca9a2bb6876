package com.livegov.governance.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Walks the whole chain, a page at a time (a large trail is never loaded at once), recomputes every hash and
 * reports the first break:
 * <ul>
 * <li>{@code edited}: an entry's content no longer gives its hash, or an entry was changed and its hash
 * recomputed, so the next entry no longer names it;</li>
 * <li>{@code missing}: a sequence number is absent, or the chain ends before the head it reached;</li>
 * <li>{@code reordered}: an entry names as its predecessor an entry that stands elsewhere in the chain.</li>
 * </ul>
 * Only entries up to the head seen at the start are walked: appends made meanwhile do not disturb the walk.
 */
@Service
class ChainVerification {

    /** The result: intact, or where and how the chain first breaks. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(boolean intact, long entries, AuditChain.Head head, OffsetDateTime checkedAt, Break firstBreak) {
    }

    /** Where the chain breaks: the sequence, what kind of break, the hash expected there and the one found. */
    record Break(long sequence, String kind, String expectedHash, String foundHash, String detail) {
    }

    private final AuditChain chain;
    private final int pageSize;

    ChainVerification(AuditChain chain, @Value("${governance.audit.verification-page-size:1000}") int pageSize) {
        this.chain = chain;
        this.pageSize = pageSize;
    }

    Report verify() {
        AuditChain.Head head = chain.head();
        String previous = CanonicalForm.GENESIS_HASH;
        long checked = 0;
        List<RecordedEntry> page;
        do {
            // while the chain is intact the n-th entry has sequence n: the next page starts after entry `checked`
            page = chain.page(checked, head.sequence(), pageSize);
            for (RecordedEntry entry : page) {
                Optional<Break> broken = check(entry, checked + 1, previous);
                if (broken.isPresent()) {
                    return new Report(false, checked, head, OffsetDateTime.now(), broken.get());
                }
                previous = entry.entryHash();
                checked++;
            }
        } while (page.size() == pageSize);
        if (checked < head.sequence()) {
            return new Report(false, checked, head, OffsetDateTime.now(), new Break(checked + 1, "missing",
                    checked + 1 == head.sequence() ? head.entryHash() : null, null,
                    "the chain ends at entry " + checked + " but its head is entry " + head.sequence()));
        }
        if (!previous.equals(head.entryHash())) {
            return new Report(false, checked, head, OffsetDateTime.now(), new Break(checked, "edited", head.entryHash(), previous,
                    "the last entry's hash is not the one the chain's head remembers"));
        }
        return new Report(true, checked, head, OffsetDateTime.now(), null);
    }

    private Optional<Break> check(RecordedEntry entry, long expectedSequence, String previous) {
        if (entry.sequence() != expectedSequence) {
            return Optional.of(new Break(expectedSequence, "missing", entry.previousHash(), null,
                    entry.sequence() == expectedSequence + 1 ? "entry " + expectedSequence + " is missing"
                            : "entries " + expectedSequence + " to " + (entry.sequence() - 1) + " are missing"));
        }
        if (!entry.previousHash().equals(previous)) {
            Optional<Long> named = chain.sequenceOf(entry.previousHash());
            if (named.isPresent() && entry.sequence() > 1) {
                return Optional.of(new Break(entry.sequence(), "reordered", previous, entry.previousHash(),
                        "entry " + entry.sequence() + " follows entry " + named.get() + ", not entry " + (entry.sequence() - 1)));
            }
            if (entry.sequence() == 1) {
                return Optional.of(new Break(1, "edited", previous, entry.previousHash(), "the first entry does not start the chain"));
            }
            return Optional.of(new Break(entry.sequence() - 1, "edited", entry.previousHash(), previous,
                    "entry " + (entry.sequence() - 1) + " was changed and its hash recomputed; entry " + entry.sequence()
                            + " still names the original"));
        }
        String computed = CanonicalForm.hash(previous, entry.canonical());
        if (!computed.equals(entry.entryHash())) {
            return Optional.of(new Break(entry.sequence(), "edited", computed, entry.entryHash(),
                    "the content of entry " + entry.sequence() + " does not give its recorded hash"));
        }
        return Optional.empty();
    }
}
