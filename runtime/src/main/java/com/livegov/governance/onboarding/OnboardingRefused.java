package com.livegov.governance.onboarding;

import com.livegov.governance.config.RefusedRequest;

/** An onboarding that cannot start as asked: a missing field, an unknown tier, a negative amount, a streamer id in use. */
public class OnboardingRefused extends RuntimeException implements RefusedRequest {

    OnboardingRefused(String message) {
        super(message);
    }
}
