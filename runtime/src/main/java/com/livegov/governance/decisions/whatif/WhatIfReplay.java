package com.livegov.governance.decisions.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.decisions.DecisionEngine;
import com.livegov.governance.decisions.PublishedDecision;
import com.livegov.governance.decisions.whatif.ReplayTally.Replayed;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replays a draft on the most recent recorded evaluations of the version in force: each recorded input is
 * evaluated by the draft (nothing is recorded) and its outputs and matched rules are compared with what was
 * recorded. For money decisions ({@link MoneyDecision}) the report adds up how much money would change, and for
 * which streamers.
 * <p>
 * The evaluations run in chunks on a small pool of its own, at most two threads (the machine has two cores and
 * also serves requests); what-ifs at the same time share it. See the what-if benchmark in the README.
 */
@Component
public class WhatIfReplay {

    /** At most this many evaluations are replayed. */
    public static final int LIMIT = 10_000;

    static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());
    private static final int CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(WhatIfReplay.class);

    private final RecordedEvaluations evaluations;
    private final ObjectMapper json;
    private final ExecutorService pool;

    WhatIfReplay(RecordedEvaluations evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "what-if-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * @param model the model's name
     * @param inForceVersion the hash of the version in force (as recorded in {@code decision_evaluations.version})
     * @param draftXml the draft's XML, already known to compile
     * @throws IllegalArgumentException when the draft is a model of another name
     * @throws IllegalStateException when the draft does not compile
     */
    public WhatIfReport replay(String model, String inForceVersion, String draftXml) {
        long start = System.nanoTime();
        PublishedDecision draft = DecisionEngine.compile("what-if draft of " + model, draftXml);
        if (!draft.name().equals(model)) {
            throw new IllegalArgumentException("The draft is the model " + draft.name() + ", not " + model);
        }
        Optional<MoneyDecision> money = MoneyDecision.of(model);
        long compiled = System.nanoTime();
        List<RecordedEvaluation> recorded = evaluations.recent(model, inForceVersion, LIMIT,
                money.map(MoneyDecision::paidToStreamers).orElse(false));
        long read = System.nanoTime();
        Replayed[] replayed = replayAll(draft, recorded);
        ReplayTally tally = new ReplayTally(money, json);
        for (int i = 0; i < replayed.length; i++) {
            tally.add(recorded.get(i), replayed[i]);
        }
        long end = System.nanoTime();
        LOG.debug("What-if of {} on {} evaluations: compiled in {} ms, read in {} ms, replayed and compared in {} ms", model,
                recorded.size(), (compiled - start) / 1_000_000, (read - compiled) / 1_000_000, (end - read) / 1_000_000);
        return tally.report((end - start) / 1_000_000);
    }

    /** The draft's decision on each recorded case, in the same order, evaluated in chunks on the pool. */
    private Replayed[] replayAll(PublishedDecision draft, List<RecordedEvaluation> recorded) {
        Replayed[] replayed = new Replayed[recorded.size()];
        List<Future<?>> chunks = new ArrayList<>();
        for (int from = 0; from < recorded.size(); from += CHUNK) {
            int first = from;
            int last = Math.min(from + CHUNK, recorded.size());
            chunks.add(pool.submit(() -> {
                for (int i = first; i < last; i++) {
                    replayed[i] = replay(draft, recorded.get(i));
                }
            }));
        }
        try {
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } catch (InterruptedException e) {
            chunks.forEach(chunk -> chunk.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The what-if was interrupted", e);
        } catch (ExecutionException e) {
            chunks.forEach(chunk -> chunk.cancel(true));
            throw new IllegalStateException("The what-if failed", e.getCause());
        }
        return replayed;
    }

    /** What the draft decides on the recorded inputs; failed when an input no longer fits or the draft cannot decide. */
    private static Replayed replay(PublishedDecision draft, RecordedEvaluation evaluation) {
        DecisionEngine.Trial trial;
        try {
            trial = DecisionEngine.trial(draft, evaluation.inputs());
        } catch (RuntimeException e) {
            // InvalidDecisionInput (an input no longer fits), or a draft's expression that throws: it cannot decide
            return Replayed.FAILED;
        }
        return trial.failed() ? Replayed.FAILED : new Replayed(new LinkedHashMap<>(trial.outputs()), trial.matchedRules());
    }
}
