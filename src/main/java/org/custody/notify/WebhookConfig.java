package org.custody.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * Where case notifications go and how hard to try: the webhook URL, the shared HMAC secret, the number of
 * attempts and the backoff between them (initial × multiplier^n, capped).
 */
public record WebhookConfig(URI url, byte[] secret, int maxAttempts, Duration initialBackoff, double multiplier,
                            Duration maxBackoff, Duration timeout) {

    public WebhookConfig {
        if (url == null || !(url.getScheme() != null && url.getScheme().matches("https?"))) {
            throw new IllegalArgumentException("webhook URL must be http(s), got " + url);
        }
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("webhook secret must be at least 16 bytes");
        }
        if (maxAttempts < 1) throw new IllegalArgumentException("webhook attempts must be >= 1");
        if (multiplier < 1) throw new IllegalArgumentException("webhook backoff multiplier must be >= 1");
        secret = secret.clone();
    }

    public static WebhookConfig of(URI url, String secret) {
        return new WebhookConfig(url, secret.getBytes(StandardCharsets.UTF_8), 5, Duration.ofSeconds(1), 2.0,
                Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    /**
     * From {@code notify.webhook.url}, {@code notify.webhook.secret} and optional
     * {@code notify.webhook.attempts}, {@code notify.webhook.backoff_ms}; null when no URL is configured.
     * Environment variables CUSTODY_WEBHOOK_URL / CUSTODY_WEBHOOK_SECRET win over the file.
     */
    public static WebhookConfig fromProperties(Properties p) {
        String url = first(System.getenv("CUSTODY_WEBHOOK_URL"), p.getProperty("notify.webhook.url"));
        if (url == null) return null;
        String secret = first(System.getenv("CUSTODY_WEBHOOK_SECRET"), p.getProperty("notify.webhook.secret"));
        if (secret == null) throw new IllegalArgumentException("notify.webhook.url is set but notify.webhook.secret is not");
        int attempts = Integer.parseInt(p.getProperty("notify.webhook.attempts", "5").trim());
        long backoff = Long.parseLong(p.getProperty("notify.webhook.backoff_ms", "1000").trim());
        return new WebhookConfig(URI.create(url.trim()), secret.getBytes(StandardCharsets.UTF_8), attempts,
                Duration.ofMillis(backoff), 2.0, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        return b != null && !b.isBlank() ? b : null;
    }

    /** The wait before attempt {@code n+1} after attempt {@code n} (1-based) failed. */
    public Duration backoffAfter(int attempt) {
        double ms = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        return Duration.ofMillis((long) Math.min(ms, maxBackoff.toMillis()));
    }
}
