package com.livegov.governance.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * Collects the ids of the rules selected during one evaluation. One listener is registered on each compiled
 * model for good; evaluations run on the caller's thread, so each collects into its own thread's list and
 * concurrent evaluations never see each other's rules.
 */
final class MatchedRules implements DMNRuntimeEventListener {

    static final MatchedRules LISTENER = new MatchedRules();
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    private MatchedRules() {
    }

    /** Runs the evaluation and adds the ids of the rules it selected to {@code into}. */
    static <T> T collect(List<String> into, Supplier<T> evaluation) {
        List<String> outer = CURRENT.get();
        List<String> mine = new ArrayList<>();
        CURRENT.set(mine);
        try {
            return evaluation.get();
        } finally {
            into.addAll(mine);
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    @Override
    public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
        List<String> collecting = CURRENT.get();
        if (collecting != null) {
            collecting.addAll(event.getSelectedIds());
        }
    }
}
