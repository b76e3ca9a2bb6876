package com.livegov.governance.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A burst: many requests sent at the same instant, each on its own connection, and their answers with their
 * latencies. Used by the burst test and the burst benchmark.
 */
public final class Burst {

    /** One answer: the status, the {@code Retry-After} and {@code Content-Type} headers, the body, how long it took. */
    public record Answer(int status, String retryAfter, String contentType, String body, long nanos) {

        /** A 503 as the admission control gives it: {@code Retry-After} and a problem document. */
        public boolean isRefusalToRetry() {
            return status == 503 && retryAfter != null && retryAfter.matches("[1-9][0-9]*")
                    && contentType != null && contentType.startsWith("application/problem+json") && body.contains("\"status\":503");
        }
    }

    private Burst() {
    }

    /** Sends every request at once and waits for every answer (at most {@code wait} each). */
    public static List<Answer> fire(List<HttpRequest> requests, Duration wait) {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (HttpRequest request : requests) {
                HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(wait).build();
                long sent = System.nanoTime();
                answers.add(http.sendAsync(timed, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> failure != null
                        ? new Answer(-1, null, null, failure.toString(), System.nanoTime() - sent)
                        : new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                                response.headers().firstValue("Content-Type").orElse(null), response.body(), System.nanoTime() - sent)));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    /** How many answers match. */
    public static long count(List<Answer> answers, Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    /** The latencies of the answers, in nanoseconds. */
    public static long[] latencies(List<Answer> answers) {
        return answers.stream().mapToLong(Answer::nanos).toArray();
    }

    /** The p-th percentile (0..1) of the latencies, in milliseconds. */
    public static double percentileMillis(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
