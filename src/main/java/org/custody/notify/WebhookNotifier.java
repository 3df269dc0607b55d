package org.custody.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * POSTs JSON notifications to the configured webhook, signed with HMAC-SHA256 (see
 * {@link WebhookSignature}). A non-2xx answer or a network failure is retried with exponential backoff
 * up to the configured number of attempts; every attempt is recorded in the {@link DeliveryLog}. Each
 * notification carries a delivery id in {@value WebhookSignature#DELIVERY_HEADER} so receivers can drop
 * duplicates of a retried delivery.
 */
public final class WebhookNotifier {

    /** How to wait between attempts (tests pass one that does not sleep long). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The outcome of sending one notification: every attempt, and whether one succeeded. */
    public record Result(String deliveryId, boolean delivered, List<DeliveryAttempt> attempts) {}

    private final WebhookConfig config;
    private final DeliveryLog log;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;

    public WebhookNotifier(WebhookConfig config, DeliveryLog log) {
        this(config, log, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    public WebhookNotifier(WebhookConfig config, DeliveryLog log, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.log = log;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    public Result send(String deliveryId, String eventType, String jsonBody) {
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (int n = 1; n <= config.maxAttempts(); n++) {
            long ts = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(config.url())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret(), ts, jsonBody))
                    .header(WebhookSignature.EVENT_HEADER, eventType)
                    .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                    .build();
            DeliveryAttempt attempt;
            try {
                HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
                boolean ok = resp.statusCode() / 100 == 2;
                attempt = new DeliveryAttempt(deliveryId, eventType, config.url().toString(), n, clock.instant(),
                        resp.statusCode(), ok ? null : "HTTP " + resp.statusCode() + ": " + abbreviate(resp.body()), ok);
            } catch (IOException e) {
                attempt = new DeliveryAttempt(deliveryId, eventType, config.url().toString(), n, clock.instant(), 0,
                        e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempt = new DeliveryAttempt(deliveryId, eventType, config.url().toString(), n, clock.instant(), 0,
                        "interrupted", false);
                attempts.add(attempt);
                log.record(attempt);
                return new Result(deliveryId, false, List.copyOf(attempts));
            }
            attempts.add(attempt);
            log.record(attempt);
            if (attempt.delivered()) return new Result(deliveryId, true, List.copyOf(attempts));
            if (n < config.maxAttempts()) {
                try {
                    sleeper.sleep(config.backoffAfter(n));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(deliveryId, false, List.copyOf(attempts));
                }
            }
        }
        return new Result(deliveryId, false, List.copyOf(attempts));
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
