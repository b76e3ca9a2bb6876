package com.livegov.governance.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Keeps a verified username/password pair for a short time, so a script sending HTTP Basic on every request
 * is not checked against its BCrypt hash (tens of milliseconds) every time. The key is a salted SHA-256 of the
 * password, the salt random per process; nothing is written anywhere. A user changed through the admin API is
 * forgotten at once on this replica and within the cache duration on the others.
 */
final class CachedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider checked;
    private final Cache<String, Authentication> verified;
    private final byte[] salt = new byte[32];

    CachedCredentials(AuthenticationProvider checked, Duration keepFor) {
        this.checked = checked;
        this.verified = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(10_000).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication.getCredentials() == null) {
            return checked.authenticate(authentication);
        }
        String key = authentication.getName() + "\u0000" + digest(authentication.getCredentials().toString());
        Authentication known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication result = checked.authenticate(authentication);
        if (result != null) {
            verified.put(key, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return checked.supports(authentication);
    }

    /** Forgets every verified password of the user (after a change to the user). */
    void forget(String username) {
        verified.asMap().keySet().removeIf(key -> key.startsWith(username + "\u0000"));
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
