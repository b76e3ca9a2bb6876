package com.livegov.governance.config;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control in front of every endpoint (ours and Kogito's generated ones): at most
 * {@code governance.admission.max-concurrent} requests run at once, up to {@code max-queued} more wait their turn
 * (first come, first served) for at most {@code max-wait}, and any beyond that are refused at once with a 503, a
 * {@code Retry-After} and a problem document ({@link UnavailableDatabase}). A burst therefore never drains the
 * connection pool: a refused request has held no connection, a login or a browser session not yet read included
 * (this filter runs before the session and security filters). Static assets and health probes pass freely.
 *
 * <p>A request takes one permit, once (forwards and error dispatches of the same request pass), and nothing in
 * the application calls itself over HTTP, so a request holding a permit never waits for a second one.
 *
 * <p>A lost database connection that reaches this filter (from loading a browser session, say) is answered as a
 * 503 too, when nothing was written yet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionControl extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionControl.class);
    /** Paths (without the context path) that never touch the database. */
    private static final List<String> FREE_PREFIXES = List.of("/actuator/health", "/css/", "/js/", "/vendor/", "/favicon.ico");

    private final AdmissionProperties settings;
    private final UnavailableDatabase unavailable;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();

    AdmissionControl(AdmissionProperties settings, UnavailableDatabase unavailable) {
        this.settings = settings;
        this.unavailable = unavailable;
        this.running = new Semaphore(settings.maxConcurrent(), true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!settings.enabled()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return FREE_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admit()) {
            unavailable.write(request, response, UnavailableDatabase.Reason.BUSY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!UnavailableDatabase.explains(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("Database unreachable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            unavailable.write(request, response, UnavailableDatabase.Reason.DATABASE);
        } finally {
            running.release();
        }
    }

    /** Takes a permit at once, or waits in the queue for one, if the queue has room; false when refused. */
    private boolean admit() {
        try {
            if (running.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the queue, unlike tryAcquire()
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (waiting.incrementAndGet() > settings.maxQueued()) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(settings.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
