package com.livegov.governance.decisions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The approved versions of one model and their periods, the one that took effect last first. In force at an instant
 * t: the first whose period contains t (from &lt;= t, and t &lt; until when an end is set). So when a version's period
 * ends, the one before it applies again; between equal starts the higher number wins.
 */
final class VersionTimeline {

    /** One approved version's period; its compiled model is attached once compiled (ahead of its instant). */
    static final class Period {
        private final int number;
        private final Instant from;
        private final Instant until;
        private final String hash;
        private volatile PublishedDecision decision;

        Period(int number, Instant from, Instant until, String hash) {
            this.number = number;
            this.from = from;
            this.until = until;
            this.hash = hash;
        }

        boolean contains(Instant at) {
            return !from.isAfter(at) && (until == null || at.isBefore(until));
        }

        int number() {
            return number;
        }

        Instant from() {
            return from;
        }

        Instant until() {
            return until;
        }

        String hash() {
            return hash;
        }

        PublishedDecision decision() {
            return decision;
        }

        void compiled(PublishedDecision compiled) {
            decision = compiled;
        }
    }

    private final String namespace;
    private final List<Period> periods;

    VersionTimeline(String namespace, List<Period> periods) {
        this.namespace = namespace;
        this.periods = periods.stream()
                .sorted(Comparator.comparing(Period::from).thenComparing(Period::number).reversed()).toList();
    }

    String namespace() {
        return namespace;
    }

    List<Period> periods() {
        return periods;
    }

    /** The period in force at that instant, or null. */
    Period at(Instant instant) {
        for (Period period : periods) {
            if (period.contains(instant)) {
                return period;
            }
        }
        return null;
    }
}
