package com.livegov.governance.decisions.whatif;

import org.springframework.stereotype.Component;

/** Replays a draft on the most recent recorded evaluations of the version in force. */
@Component
public class WhatIfReplay {

    /** At most this many evaluations are replayed. */
    public static final int LIMIT = 10_000;

    /**
     * @param model the model's name
     * @param inForceVersion the hash of the version in force (as recorded in {@code decision_evaluations.version})
     * @param draftXml the draft's XML, already known to compile
     */
    public WhatIfReport replay(String model, String inForceVersion, String draftXml) {
        throw new UnsupportedOperationException("WhatIfReplay is being built");
    }
}
