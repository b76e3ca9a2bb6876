package com.livegov.governance.violations;

import com.livegov.governance.config.RefusedRequest;

/** A report that cannot open a violation case: an unknown streamer, a missing field, an unknown source. */
public class ViolationRefused extends RuntimeException implements RefusedRequest {

    ViolationRefused(String message) {
        super(message);
    }
}
