package com.livegov.governance.inbox;

import java.time.Instant;

/**
 * An out-of-office substitute: while {@code [validFrom, validUntil)} runs, {@code substitute} sees
 * {@code absentUser}'s tasks and may act on them on their behalf.
 *
 * @param id the substitution's id ({@code DELETE /inbox/substitutes/{id}})
 * @param absentUser who is away
 * @param substitute who stands in
 * @param validFrom from this instant
 * @param validUntil until this instant (exclusive)
 * @param createdAt when it was named
 */
public record Substitution(long id, String absentUser, String substitute, Instant validFrom, Instant validUntil, Instant createdAt) {

    /** Whether the period runs at this instant. */
    public boolean runsAt(Instant instant) {
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }
}
