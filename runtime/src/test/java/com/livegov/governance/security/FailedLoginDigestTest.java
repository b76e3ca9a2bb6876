package com.livegov.governance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;

/** Failed logins are recorded once per kind and window, then counted; their reasons are words. */
class FailedLoginDigestTest {

    private final List<String> written = new ArrayList<>();
    private final FailedLoginDigest digest = new FailedLoginDigest(new FailedLoginDigest.Sink() {
        @Override
        public void first(FailedLoginDigest.Kind kind) {
            written.add("first " + kind.username() + " from " + kind.from() + ": " + kind.reason());
        }

        @Override
        public void repeated(FailedLoginDigest.Kind kind, long count, Duration window) {
            written.add(count + " more " + kind.username() + " from " + kind.from() + " in " + window + ": " + kind.reason());
        }

        @Override
        public void beyondLimit(long count, int kinds, Duration window) {
            written.add(count + " beyond " + kinds + " kinds in " + window);
        }
    }, Duration.ofMinutes(1), 3, false);

    @Test
    void aThousandWrongPasswordsOfOneNameAreOneEntryAtOnceAndOneCountWhenTheWindowCloses() {
        for (int i = 0; i < 1000; i++) {
            digest.failed("mallory", new BadCredentialsException("Bad credentials"), "10.0.0.7");
        }
        assertThat(written).containsExactly("first mallory from 10.0.0.7: wrong user name or password");

        digest.closeWindow();

        assertThat(written).containsExactly(
                "first mallory from 10.0.0.7: wrong user name or password",
                "999 more mallory from 10.0.0.7 in PT1M: wrong user name or password");
    }

    @Test
    void manyDifferentNamesAreRecordedOneByOneOnlyUpToTheLimitAndTheRestIsSummed() {
        for (int i = 0; i < 10; i++) {
            digest.failed("guess-" + i, new BadCredentialsException("Bad credentials"), "10.0.0.8");
        }
        digest.failed(null, new DisabledException("User is disabled"), "10.0.0.9");

        assertThat(written).containsExactly(
                "first guess-0 from 10.0.0.8: wrong user name or password",
                "first guess-1 from 10.0.0.8: wrong user name or password",
                "first guess-2 from 10.0.0.8: wrong user name or password");

        digest.closeWindow();

        assertThat(written).hasSize(4).last().isEqualTo("8 beyond 3 kinds in PT1M");
    }

    @Test
    void aNewWindowRecordsTheFirstFailureAgainAndAQuietWindowWritesNothing() {
        digest.failed("hanna", new DisabledException("User is disabled"), "10.0.0.1");
        digest.closeWindow();
        digest.closeWindow();
        digest.failed("hanna", new DisabledException("User is disabled"), "10.0.0.1");

        assertThat(written).containsExactly(
                "first hanna from 10.0.0.1: the user is disabled",
                "first hanna from 10.0.0.1: the user is disabled");
    }
}
