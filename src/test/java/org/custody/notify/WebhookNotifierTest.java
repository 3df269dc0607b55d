package org.custody.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

    static final byte[] SECRET = "a-shared-secret-of-32-characters".getBytes(StandardCharsets.UTF_8);

    record Received(String body, String timestamp, String signature, String event, String delivery) {}

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    /** A receiver on 127.0.0.1 that answers 503 to the first {@code failures} requests, then 204. */
    URI start(int failures) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(body, ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER)));
            int status = calls.incrementAndGet() <= failures ? 503 : 204;
            byte[] msg = status == 503 ? "busy".getBytes(StandardCharsets.UTF_8) : new byte[0];
            ex.sendResponseHeaders(status, status == 204 ? -1 : msg.length);
            if (msg.length > 0) ex.getResponseBody().write(msg);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    WebhookNotifier notifier(URI url, int attempts, List<DeliveryAttempt> log) {
        WebhookConfig cfg = new WebhookConfig(url, SECRET, attempts, Duration.ofMillis(5), 2.0,
                Duration.ofMillis(50), Duration.ofSeconds(5));
        return new WebhookNotifier(cfg, log::add, Clock.systemUTC(), slept::add);
    }

    @Test
    void retriesAfterFailuresThenDeliversSignedBody() throws IOException {
        URI url = start(2);
        List<DeliveryAttempt> log = new CopyOnWriteArrayList<>();
        String body = "{\"event\":\"case.opened\",\"case\":{\"id\":1,\"holder\":{\"name\":\"Kata'ib Hizballah\"}}}";
        WebhookNotifier.Result r = notifier(url, 5, log).send("n-1", "case.opened", body);

        assertThat(r.delivered()).isTrue();
        assertThat(r.attempts()).extracting(DeliveryAttempt::status).containsExactly(503, 503, 204);
        assertThat(log).hasSize(3);
        assertThat(log.getFirst().error()).contains("HTTP 503", "busy");
        assertThat(log.getLast().delivered()).isTrue();
        assertThat(slept).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(received).hasSize(3).allSatisfy(rec -> {
            assertThat(rec.body()).isEqualTo(body);
            assertThat(rec.event()).isEqualTo("case.opened");
            assertThat(rec.delivery()).isEqualTo("n-1");
            assertThat(WebhookSignature.verify(SECRET, rec.timestamp(), rec.signature(), rec.body(),
                    Instant.now().getEpochSecond(), 300)).isTrue();
        });
    }

    @Test
    void givesUpAfterMaxAttemptsAndRecordsEach() throws IOException {
        URI url = start(100);
        List<DeliveryAttempt> log = new CopyOnWriteArrayList<>();
        WebhookNotifier.Result r = notifier(url, 3, log).send("n-2", "case.escalated", "{}");
        assertThat(r.delivered()).isFalse();
        assertThat(log).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(log).noneMatch(DeliveryAttempt::delivered);
    }

    @Test
    void connectionRefusedIsRecordedAsAFailedAttempt() throws IOException {
        URI url = start(0);
        server.stop(0);
        server = null;
        List<DeliveryAttempt> log = new CopyOnWriteArrayList<>();
        WebhookNotifier.Result r = notifier(url, 2, log).send("n-3", "case.opened", "{}");
        assertThat(r.delivered()).isFalse();
        assertThat(log).hasSize(2).allSatisfy(a -> {
            assertThat(a.status()).isZero();
            assertThat(a.error()).isNotBlank();
        });
    }

    @Test
    void signatureRejectsTamperedBodyWrongSecretAndStaleTimestamp() {
        long ts = 1_700_000_000L;
        String sig = WebhookSignature.sign(SECRET, ts, "{\"a\":1}");
        assertThat(sig).startsWith("sha256=").hasSize(7 + 64);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), sig, "{\"a\":1}", ts + 10, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), sig, "{\"a\":2}", ts, 300)).isFalse();
        assertThat(WebhookSignature.verify("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8),
                Long.toString(ts), sig, "{\"a\":1}", ts, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts), sig, "{\"a\":1}", ts + 301, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(ts + 1), sig, "{\"a\":1}", ts, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "junk", sig, "{\"a\":1}", ts, 300)).isFalse();
        // a known vector: HMAC-SHA256(key, "1700000000.{\"a\":1}") computed independently below
        assertThat(sig).isEqualTo("sha256=" + hmacHex(SECRET, "1700000000.{\"a\":1}"));
    }

    static String hmacHex(byte[] key, String msg) {
        try {
            javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
            m.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(m.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> WebhookConfig.of(URI.create("ftp://x/"), "a-shared-secret-of-32-characters"))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> WebhookConfig.of(URI.create("http://x/"), "short")).hasMessageContaining("16 bytes");
        WebhookConfig c = new WebhookConfig(URI.create("http://x/"), SECRET, 6, Duration.ofSeconds(1), 2.0,
                Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertThat(c.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(c.backoffAfter(5)).isEqualTo(Duration.ofSeconds(5));
    }

}
