package org.custody.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void anAccountIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(t.refusal("alice", "10.0.0." + i)).isEmpty();
            t.failed("alice", "10.0.0." + i);
            clock.now = clock.now.plusSeconds(60);
        }
        // from any address: the account is the limit
        assertThat(t.refusal("alice", "10.9.9.9")).hasValue(Duration.ofMinutes(12));
        assertThat(t.refusal("bob", "10.9.9.9")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(12));
        assertThat(t.refusal("alice", "10.9.9.9")).isEmpty();
    }

    @Test
    void anAddressIsRefusedAfterFailuresOnManyAccounts() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(100, 4, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 4; i++) t.failed("user" + i, "10.0.0.7");
        assertThat(t.refusal("someone-else", "10.0.0.7")).isPresent();
        assertThat(t.refusal("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(2, 100, Duration.ofMinutes(15), clock);
        t.failed("alice", "a");
        t.succeeded("alice");
        t.failed("alice", "a");
        assertThat(t.refusal("alice", "a")).isEmpty();
    }
}
