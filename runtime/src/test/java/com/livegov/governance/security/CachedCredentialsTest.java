package com.livegov.governance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The credential cache in front of the real BCrypt check: a script's concurrent requests share one check, a wrong
 * password is never kept, and a forgotten user is checked again.
 */
class CachedCredentialsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final CachedCredentials credentials = new CachedCredentials(countingProvider(), Duration.ofMinutes(1));

    private DaoAuthenticationProvider countingProvider() {
        UserDetails ops = User.withUsername("demo-ops").password(bcrypt.encode("right-password")).roles("ops").build();
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new BCryptPasswordEncoder(10) {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                hashChecks.incrementAndGet();
                return super.matches(rawPassword, encodedPassword);
            }
        });
        provider.setUserDetailsService(new InMemoryUserDetailsManager(ops));
        return provider;
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void concurrentRequestsWithOnePairShareOneHashCheck() throws Exception {
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return credentials.authenticate(login("demo-ops", "right-password"));
                }));
            }
            go.countDown();
            for (Future<Authentication> answer : answers) {
                Authentication result = answer.get(30, TimeUnit.SECONDS);
                assertThat(result.isAuthenticated()).isTrue();
                assertThat(result.getName()).isEqualTo("demo-ops");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hashChecks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverKept() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> credentials.authenticate(login("demo-ops", "wrong-password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(hashChecks.get()).isEqualTo(3);

        assertThat(credentials.authenticate(login("demo-ops", "right-password")).isAuthenticated()).isTrue();
        assertThat(hashChecks.get()).isEqualTo(4);
    }

    @Test
    void aForgottenUserIsCheckedAgain() {
        credentials.authenticate(login("demo-ops", "right-password"));
        credentials.authenticate(login("demo-ops", "right-password"));
        assertThat(hashChecks.get()).isEqualTo(1);

        credentials.forget("demo-ops");
        credentials.authenticate(login("demo-ops", "right-password"));
        assertThat(hashChecks.get()).isEqualTo(2);
    }
}
