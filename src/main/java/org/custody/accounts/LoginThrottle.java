package org.custody.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login rate limiting, per account and per client address: after {@code perAccount} failed sign-ins of
 * one account (or {@code perAddress} from one address) within the window, further attempts are refused
 * until the oldest failure leaves the window. A success clears the account's failures. Refused attempts
 * are not counted, so an attacker cannot extend a lock forever, and the lock ends by itself.
 */
public final class LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** 5 failures per account and 20 per address in 15 minutes. */
    public static LoginThrottle standard() {
        return new LoginThrottle(5, 20, Duration.ofMinutes(15), Clock.systemUTC());
    }

    /** When the attempt is refused: how long until the next may be made. Empty: go ahead. */
    public synchronized Optional<Duration> refusal(String account, String address) {
        Instant now = clock.instant();
        Duration a = wait(key("account", account), perAccount, now);
        Duration b = wait(key("address", address), perAddress, now);
        Duration longest = a.compareTo(b) >= 0 ? a : b;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent(key("account", account), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(key("address", address), k -> new ArrayDeque<>()).addLast(now);
    }

    public synchronized void succeeded(String account) {
        failures.remove(key("account", account));
    }

    private Duration wait(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) return Duration.ZERO;
        while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) d.removeFirst();
        if (d.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (d.size() < limit) return Duration.ZERO;
        return Duration.between(now, d.peekFirst().plus(window));
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
    }
}
