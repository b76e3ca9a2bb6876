package com.livegov.governance.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.kie.dmn.api.core.DMNResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process evaluation of CommissionSplit on one thread, measured with JMH: three forked JVMs, each warmed up for
 * 20 s, then five 2-second measurements; JMH prints the mean with its 99.9 % confidence interval. The model is
 * compiled as the application compiles it ({@link DecisionCatalog#compile}, with the listener that collects
 * matched rules registered), and every evaluation collects its matched rules as the service does.
 *
 * <p>Run: {@code mvn -DskipTests -pl runtime -am package exec:exec@engine-benchmark}. Not a test: it measures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Threads(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class CommissionSplitEvaluation {

    private PublishedDecision decision;
    private Map<String, Object> raw;
    private Map<String, Object> checked;
    private VersionTimeline timeline;

    @Setup
    public void compile() throws IOException {
        try (InputStream in = CommissionSplitEvaluation.class.getResourceAsStream("/commission-split/CommissionSplit.dmn")) {
            decision = DecisionCatalog.compile("CommissionSplit.dmn", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        raw = Map.of("tier", "PARTNER", "monthlySales", new BigDecimal("123456.78"), "monthlyTarget", 100000,
                "trafficSales", new BigDecimal("3333.33"), "cooperationMonths", 36, "profitPool", BigDecimal.ZERO);
        checked = DecisionInputs.check(decision, raw);
        // a model with a history: the build's version, an ended promotion, a rollback in force, one scheduled for later
        Instant now = Instant.now();
        List<VersionTimeline.Period> periods = List.of(
                new VersionTimeline.Period(1, Instant.parse("2000-01-01T00:00:00Z"), null, decision.version()),
                new VersionTimeline.Period(2, now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(30)), decision.version()),
                new VersionTimeline.Period(3, now.minus(Duration.ofDays(10)), null, decision.version()),
                new VersionTimeline.Period(4, now.plus(Duration.ofDays(30)), null, decision.version()));
        periods.forEach(period -> period.compiled(decision.numbered(period.number(), "v" + period.number())));
        timeline = new VersionTimeline(decision.namespace(), periods);
    }

    /** The engine's evaluation of the compiled model, inputs already checked. */
    @Benchmark
    public DMNResult evaluation() {
        return evaluate(checked);
    }

    /** Our input check in front of the evaluation: what the API and the process seam do per call. */
    @Benchmark
    public DMNResult inputCheckAndEvaluation() {
        return evaluate(DecisionInputs.check(decision, raw));
    }

    /** What every call does now: the version in force at the call's instant, then the input check and the evaluation. */
    @Benchmark
    public DMNResult versionSelectionInputCheckAndEvaluation() {
        PublishedDecision inForce = timeline.at(Instant.now()).decision();
        return evaluate(inForce, DecisionInputs.check(inForce, raw));
    }

    private DMNResult evaluate(Map<String, Object> inputs) {
        return evaluate(decision, inputs);
    }

    private static DMNResult evaluate(PublishedDecision decision, Map<String, Object> inputs) {
        List<String> rules = new ArrayList<>(4);
        DMNResult result = DecisionService.evaluate(decision, inputs, rules);
        if (result.hasErrors() || rules.isEmpty()) {
            throw new IllegalStateException("CommissionSplit did not decide: " + result.getMessages());
        }
        return result;
    }
}
