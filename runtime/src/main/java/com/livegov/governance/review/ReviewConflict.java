package com.livegov.governance.review;

import com.livegov.governance.config.RefusedRequest;

/**
 * The quarter has a review already (under way or done): a quarter is reviewed once. Our API answers 409 and names
 * the existing review; Kogito's generated start endpoint answers 400 like any other refused start.
 */
public class ReviewConflict extends RuntimeException implements RefusedRequest {

    private final String existingReviewId;

    ReviewConflict(String quarter, String existingReviewId) {
        super("The permissions of " + quarter + " are reviewed already: review " + existingReviewId);
        this.existingReviewId = existingReviewId;
    }

    @Override
    public boolean conflict() {
        return true;
    }

    public String existingReviewId() {
        return existingReviewId;
    }
}
