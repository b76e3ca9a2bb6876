package com.livegov.governance.performance;

import com.livegov.governance.config.RefusedRequest;

/** The month is assessed already (or being assessed): its figures are frozen and it is not assessed twice (409). */
public class PerformanceConflict extends RuntimeException implements RefusedRequest {

    PerformanceConflict(String message) {
        super(message);
    }

    @Override
    public boolean conflict() {
        return true;
    }
}
