package com.livegov.governance.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The table a benchmark prints: one row per measurement, with throughput and latency percentiles (p50, p95, p99). */
public final class BenchmarkTable {

    private final String title;
    private final String unit;
    private final List<String[]> rows = new ArrayList<>();

    public BenchmarkTable(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    /** Adds a measurement: how many per second, and the latencies (nanoseconds) of each one. */
    public void add(String name, int threads, double perSecond, long[] latenciesNanos) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        rows.add(new String[] { name, String.valueOf(threads), String.format("%,.1f", perSecond),
                String.format("%.3f", percentile(sorted, 0.50) / 1e6), String.format("%.3f", percentile(sorted, 0.95) / 1e6),
                String.format("%.3f", percentile(sorted, 0.99) / 1e6) });
    }

    public void print() {
        System.out.println();
        System.out.printf("%-58s %8s %14s %10s %10s %10s%n", title, "threads", unit, "p50 (ms)", "p95 (ms)", "p99 (ms)");
        rows.forEach(row -> System.out.printf("%-58s %8s %14s %10s %10s %10s%n", (Object[]) row));
        System.out.printf("(%d cores, %s, Java %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
