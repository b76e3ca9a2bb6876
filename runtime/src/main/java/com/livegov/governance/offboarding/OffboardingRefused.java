package com.livegov.governance.offboarding;

import com.livegov.governance.config.RefusedRequest;

/** An offboarding that cannot start as asked: an unknown streamer, an unreadable departure time. */
public class OffboardingRefused extends RuntimeException implements RefusedRequest {

    OffboardingRefused(String message) {
        super(message);
    }
}
