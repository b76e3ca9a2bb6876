package com.livegov.governance.review;

import com.livegov.governance.config.RefusedRequest;

/** A review that cannot start as asked: no requester, an unreadable quarter, a quarter that has not begun. */
public class ReviewRefused extends RuntimeException implements RefusedRequest {

    ReviewRefused(String message) {
        super(message);
    }
}
