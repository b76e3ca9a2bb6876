package com.livegov.governance.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted so that nobody can grow the audit trail at will by failing to log in. Within each window
 * ({@code governance.security.failed-login-window}, one minute by default) the first failure of a user name from an
 * address is recorded at once, with its reason in words; further failures of the same kind are counted and
 * recorded as one entry when the window closes ("12 more failed logins..."). At most
 * {@code governance.security.failed-login-kinds} different kinds are recorded one by one per window; failures
 * beyond them are summed in one entry. A replica therefore writes at most about twice that many entries per window,
 * however many logins fail.
 */
@Component
class FailedLoginDigest {

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginDigest.class);

    /** Who failed, from where, and why. */
    record Kind(String username, String from, String reason) {
    }

    /** What a digest writes: the first failure of a kind, the failures of a kind counted after it, or the rest. */
    interface Sink {
        void first(Kind kind);

        void repeated(Kind kind, long count, Duration window);

        void beyondLimit(long count, int kinds, Duration window);
    }

    private final Sink sink;
    private final Duration window;
    private final int maxKinds;
    private final Map<Kind, Long> repeats = new LinkedHashMap<>();
    private long beyondLimit;
    private final ScheduledExecutorService clock;

    @Autowired
    FailedLoginDigest(RefusalLog refusals,
            @Value("${governance.security.failed-login-window:PT1M}") Duration window,
            @Value("${governance.security.failed-login-kinds:50}") int maxKinds) {
        this(new Sink() {
            @Override
            public void first(Kind kind) {
                refusals.loginFailed(kind.username(), kind.reason(), kind.from(), 1, null);
            }

            @Override
            public void repeated(Kind kind, long count, Duration over) {
                refusals.loginFailed(kind.username(), kind.reason(), kind.from(), count, over);
            }

            @Override
            public void beyondLimit(long count, int kinds, Duration over) {
                refusals.loginFailed(null, "failed logins beyond the " + kinds + " kinds recorded one by one", null, count, over);
            }
        }, window, maxKinds, true);
    }

    FailedLoginDigest(Sink sink, Duration window, int maxKinds, boolean scheduled) {
        this.sink = sink;
        this.window = window;
        this.maxKinds = maxKinds;
        if (scheduled) {
            clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "failed-login-digest");
                thread.setDaemon(true);
                return thread;
            });
            clock.scheduleWithFixedDelay(this::closeWindowSafely, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            clock = null;
        }
    }

    /** Counts one failed login; records it at once when it is the first of its kind in this window. */
    void failed(String username, AuthenticationException reason, String from) {
        Kind kind = new Kind(username == null || username.isBlank() ? null : username, from, inWords(reason));
        boolean first;
        synchronized (this) {
            Long seen = repeats.get(kind);
            if (seen != null) {
                repeats.put(kind, seen + 1);
                return;
            }
            first = repeats.size() < maxKinds;
            if (first) {
                repeats.put(kind, 0L);
            } else {
                beyondLimit++;
            }
        }
        if (first) {
            sink.first(kind);
        }
    }

    /** Records what the window counted and starts a new one. */
    void closeWindow() {
        Map<Kind, Long> counted;
        long rest;
        synchronized (this) {
            counted = new LinkedHashMap<>(repeats);
            rest = beyondLimit;
            repeats.clear();
            beyondLimit = 0;
        }
        counted.forEach((kind, count) -> {
            if (count > 0) {
                sink.repeated(kind, count, window);
            }
        });
        if (rest > 0) {
            sink.beyondLimit(rest, maxKinds, window);
        }
    }

    private void closeWindowSafely() {
        try {
            closeWindow();
        } catch (RuntimeException e) {
            // the database may be away; the counts of this window are lost, the next window counts again
            LOG.warn("Could not record the failed logins of the last window: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (clock != null) {
            clock.shutdownNow();
            closeWindowSafely();
        }
    }

    /** Why a login failed, in words (never a class name). */
    static String inWords(AuthenticationException reason) {
        if (reason instanceof BadCredentialsException) {
            return "wrong user name or password";
        }
        if (reason instanceof DisabledException) {
            return "the user is disabled";
        }
        if (reason instanceof LockedException) {
            return "the user is locked";
        }
        if (reason instanceof AccountExpiredException || reason instanceof CredentialsExpiredException) {
            return "the user's login has expired";
        }
        if (reason instanceof OAuth2AuthenticationException) {
            return "the bearer token is invalid or expired";
        }
        return "the login was refused";
    }
}
