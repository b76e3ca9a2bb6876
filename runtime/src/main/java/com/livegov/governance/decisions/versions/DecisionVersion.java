package com.livegov.governance.decisions.versions;

import java.time.Instant;

/**
 * One numbered version of a decision model, without its XML and examples (see {@link DecisionChanges#xml} and
 * {@link DecisionChanges#examples}).
 *
 * @param model the model's name
 * @param number 1, 2, ... per model
 * @param hash the SHA-256 of the XML: the version recorded with every evaluation
 * @param state where it stands
 * @param origin where it came from
 * @param basedOn the number of the version it was drafted from, or null
 * @param author who drafted it ({@code deploy} for the build's files)
 * @param createdAt when it was drafted
 * @param changeNote why, as the author submitted it
 * @param submittedAt when it was submitted
 * @param reviewer the second owner who approved or rejected it
 * @param reviewedAt when
 * @param reviewComment the reviewer's comment
 * @param effectiveFrom from when it is in force (approved versions)
 * @param effectiveUntil until when, or null when open-ended; after it the version before applies again
 * @param needsReview a rollback in force that a second owner has not confirmed yet
 */
public record DecisionVersion(String model, int number, String hash, VersionState state, VersionOrigin origin, Integer basedOn,
        String author, Instant createdAt, String changeNote, Instant submittedAt, String reviewer, Instant reviewedAt,
        String reviewComment, Instant effectiveFrom, Instant effectiveUntil, boolean needsReview) {
}
