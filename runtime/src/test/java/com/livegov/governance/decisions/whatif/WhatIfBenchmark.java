package com.livegov.governance.decisions.whatif;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.livegov.governance.decisions.DecisionCaller;
import com.livegov.governance.decisions.DecisionService;
import com.livegov.governance.support.RunningApp;
import com.livegov.governance.support.TestDatabase;

/**
 * Benchmark of the what-if replay over {@link WhatIfReplay#LIMIT} (10,000) recorded evaluations, printed as a table.
 * The application starts on an embedded PostgreSQL; 10,000 real evaluations of CommissionSplit and of
 * ViolationSeverity are recorded through {@link DecisionService} (generated inputs), then a draft of each with one
 * edited cell is replayed {@value #RUNS} times. Every run counts, the first (cold) one too: the table shows the
 * median and the slowest, whole replays from the read of the evaluations to the report.
 *
 * <p>Run: {@code mvn -B -o -q -DskipTests -pl runtime -am package exec:java@whatif-benchmark}. Not a test: it
 * measures and prints.
 */
public final class WhatIfBenchmark {

    private static final int RUNS = 5;
    private static final int RECORDING_THREADS = 4;

    private WhatIfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (RunningApp app = RunningApp.start(TestDatabase.newDatabase(), "logging.level.root=WARN",
                "logging.level.com.livegov.governance.decisions.whatif=DEBUG")) {
            rows.add(measure(app, "CommissionSplit", "commission-split/CommissionSplit.dmn", WhatIfBenchmark::commission,
                    "<outputEntry id=\"Rule_Key_Out1\"><text>0.18</text></outputEntry>",
                    "<outputEntry id=\"Rule_Key_Out1\"><text>0.20</text></outputEntry>", "KEY base rate 0.18 -> 0.20"));
            rows.add(measure(app, "ViolationSeverity", "violation-severity/ViolationSeverity.dmn", WhatIfBenchmark::violation,
                    "<inputEntry id=\"Rule_AudienceLoss_In2\"><text>&gt; 10</text></inputEntry>",
                    "<inputEntry id=\"Rule_AudienceLoss_In2\"><text>&gt; 15</text></inputEntry>", "fan loss threshold 10 -> 15 %"));
        }
        System.out.println();
        System.out.printf("%-48s %12s %9s %7s %9s %9s %6s%n", "What-if replay (draft with one edited cell)", "evaluations", "changed",
                "failed", "p50 (s)", "max (s)", "runs");
        rows.forEach(row -> System.out.printf("%-48s %12s %9s %7s %9s %9s %6s%n", (Object[]) row));
        System.out.printf("(%d cores, %s, Java %s; load average at the end %.1f: the machine is shared)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.exit(0);
    }

    private static String[] measure(RunningApp app, String model, String resource, Function<Random, Map<String, Object>> inputs,
            String cell, String edited, String change) throws Exception {
        long recordStart = System.nanoTime();
        record(app, model, inputs);
        System.out.printf("Recorded %,d %s evaluations in %.1f s%n", WhatIfReplay.LIMIT, model, (System.nanoTime() - recordStart) / 1e9);
        String xml = read(resource);
        if (!xml.contains(cell)) {
            throw new IllegalStateException(model + " has no cell " + cell);
        }
        String draft = xml.replace(cell, edited);
        String version = app.bean(DecisionService.class).models().stream().filter(m -> m.name().equals(model)).findFirst().orElseThrow().version();
        WhatIfReplay whatIf = app.bean(WhatIfReplay.class);
        double[] seconds = new double[RUNS];
        WhatIfReport report = null;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            report = whatIf.replay(model, version, draft);
            seconds[run] = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %s run %d: %.2f s (replayed %,d, changed %,d)%n", model, run + 1, seconds[run], report.replayed(), report.changed());
        }
        double[] sorted = seconds.clone();
        java.util.Arrays.sort(sorted);
        return new String[] { model + ": " + change, String.format("%,d", report.replayed()), String.format("%,d", report.changed()),
                String.valueOf(report.failed()), String.format("%.2f", sorted[RUNS / 2]), String.format("%.2f", sorted[RUNS - 1]),
                String.valueOf(RUNS) };
    }

    /** Records LIMIT real evaluations of the model with generated inputs, as the decisions API records them. */
    private static void record(RunningApp app, String model, Function<Random, Map<String, Object>> inputs) throws Exception {
        DecisionService decisions = app.bean(DecisionService.class);
        ExecutorService pool = Executors.newFixedThreadPool(RECORDING_THREADS);
        List<Future<?>> done = new ArrayList<>();
        int each = WhatIfReplay.LIMIT / RECORDING_THREADS;
        for (int thread = 0; thread < RECORDING_THREADS; thread++) {
            Random random = new Random(thread);
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    decisions.evaluateStandalone(model, inputs.apply(random), DecisionCaller.user("whatif-benchmark"));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static Map<String, Object> commission(Random random) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("tier", List.of("REGULAR", "KEY", "STRATEGIC", "PARTNER", "INCUBATOR").get(random.nextInt(5)));
        inputs.put("monthlySales", BigDecimal.valueOf(random.nextInt(20_000_000), 2));
        inputs.put("monthlyTarget", BigDecimal.valueOf(random.nextInt(150_000)));
        inputs.put("trafficSales", BigDecimal.valueOf(random.nextInt(1_000_000), 2));
        inputs.put("cooperationMonths", BigDecimal.valueOf(random.nextInt(40)));
        inputs.put("profitPool", random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(100_000_000), 2) : null);
        return inputs;
    }

    private static Map<String, Object> violation(Random random) {
        List<String> kinds = List.of("OFF_PLATFORM_DIVERSION", "COMPETITOR_MENTION", "HINTING_DEPARTURE", "ILLEGAL_CONTENT",
                "INTERACTION_DECLINE", "CONTENT_QUALITY_DROP", "PERSONAL_BRAND_OVER_COMPANY", "DATA_EXPORT_ATTEMPT", "WORKING_FOR_COMPETITOR");
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("violationKind", kinds.get(random.nextInt(kinds.size())));
        inputs.put("fanLossRate", BigDecimal.valueOf(random.nextInt(2001), 2));
        inputs.put("interactionDrop", BigDecimal.valueOf(random.nextInt(3001) - 500, 2));
        inputs.put("priorViolations", BigDecimal.valueOf(random.nextInt(4)));
        inputs.put("diversionCount", BigDecimal.valueOf(random.nextInt(4)));
        inputs.put("estimatedLoss", BigDecimal.valueOf(random.nextInt(150_000)));
        return inputs;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = WhatIfBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
