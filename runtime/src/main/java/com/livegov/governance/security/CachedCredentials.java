package com.livegov.governance.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Keeps a verified username/password pair for a short time, so a script sending HTTP Basic on every request
 * is not checked against its BCrypt hash (tens of milliseconds) every time. The key is a salted SHA-256 of the
 * password, the salt random per process; nothing is written anywhere. A user changed through the admin API is
 * forgotten at once on this replica and within the cache duration on the others. Concurrent requests with a pair
 * that is not (or no longer) known share one check.
 */
final class CachedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider checked;
    private final AsyncCache<String, Authentication> verified;
    private final byte[] salt = new byte[32];

    CachedCredentials(AuthenticationProvider checked, Duration keepFor) {
        this.checked = checked;
        this.verified = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(10_000).buildAsync();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication.getCredentials() == null) {
            return checked.authenticate(authentication);
        }
        String key = authentication.getName() + "\u0000" + digest(authentication.getCredentials().toString());
        // One check per pair at a time: when the entry has expired, concurrent requests of the same script wait for
        // the check already under way instead of each spending a BCrypt computation on it. The check runs on the
        // caller's thread outside the cache's locks, so a slow check never holds up other users. A refused pair is
        // not kept, so a corrected password is checked at once.
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> underWay = verified.asMap().putIfAbsent(key, mine);
        if (underWay != null) {
            return outcomeOf(underWay);
        }
        try {
            Authentication result = checked.authenticate(authentication);
            mine.complete(result);
            return result;
        } catch (RuntimeException refused) {
            mine.completeExceptionally(refused);
            verified.asMap().remove(key, mine);
            throw refused;
        }
    }

    private static Authentication outcomeOf(CompletableFuture<Authentication> check) {
        try {
            return check.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return checked.supports(authentication);
    }

    /** Forgets every verified password of the user (after a change to the user). */
    void forget(String username) {
        verified.synchronous().asMap().keySet().removeIf(key -> key.startsWith(username + "\u0000"));
    }

    private String digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
