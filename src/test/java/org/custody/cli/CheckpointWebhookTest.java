package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.custody.audit.AuditCheckpoints;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.notify.CheckpointWebhook;
import org.custody.notify.WebhookSignature;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code audit.checkpoint.webhook=true}, each commit's new audit checkpoint is posted to the webhook,
 * signed; a webhook that fails never fails the commit, and the next commit posts the newest checkpoint.
 */
@Tag("db")
class CheckpointWebhookTest {

    static final String SECRET = "a-webhook-secret-of-some-length";

    record Received(String event, String timestamp, String signature, String body) {}

    @TempDir
    Path home;

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    Database db;
    CliContext ctx;

    @BeforeEach
    void open() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body));
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
        Path props = home.resolve("custody.properties");
        Files.writeString(props, "notify.webhook.url=http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n"
                + "notify.webhook.secret=" + SECRET + "\naudit.checkpoint.webhook=true\n");
        Files.setPosixFilePermissions(props, PosixFilePermissions.fromString("rw-------"));
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
    }

    @AfterEach
    void close() {
        db.close();
        server.stop(0);
    }

    private long append() {
        return db.inTransaction(c -> AuditLog.append(c, "alice", "x", "s", "{}").seq());
    }

    @Test
    void eachNewCheckpointIsPostedAndAFailedPostIsRetriedByTheNextCommit() throws Exception {
        long first = append();
        assertThat(received).hasSize(1);
        Received r = received.getFirst();
        assertThat(r.event()).isEqualTo(CheckpointWebhook.EVENT);
        assertThat(r.body()).contains("\"seq\":" + first).contains("\"publicKeyFingerprint\":\"SHA256:");
        assertThat(WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8), r.timestamp(), r.signature(),
                r.body(), Instant.now().getEpochSecond(), 300)).isTrue();
        AuditCheckpoints cps = ctx.auditCheckpoints();
        String line = r.body().replaceAll(".*\"checkpoint\":\"([^\"]+)\".*", "$1");
        assertThat(cps.signatureValid(AuditCheckpoints.parseLine(line))).isTrue();

        status.set(503);
        long second = append();   // the webhook refuses: the commit stands
        assertThat(received).hasSize(2);
        assertThat(db.read(c -> AuditLog.entries(c, null)).getLast().seq()).isEqualTo(second);
        assertThat(Files.readString(home.resolve("audit/webhook-posted.seq")).trim()).isEqualTo(Long.toString(first));

        db.inTransaction(c -> null);   // a commit without a new entry retries the checkpoint not yet delivered
        assertThat(received).hasSize(3);
        assertThat(received.get(2).body()).contains("\"seq\":" + second);

        status.set(200);
        long third = append();
        assertThat(received).hasSize(4);
        assertThat(received.get(3).body()).contains("\"seq\":" + third);
        assertThat(Files.readString(home.resolve("audit/webhook-posted.seq")).trim()).isEqualTo(Long.toString(third));

        db.inTransaction(c -> null);   // nothing new: nothing posted
        assertThat(received).hasSize(4);
    }

    @Test
    void aSwitchWithoutAWebhookIsRefusedWithTheFileAndField() throws IOException {
        Path props = home.resolve("custody.properties");
        Files.writeString(props, "audit.checkpoint.webhook=yes\n");
        CliContext other = new CliContext(new CustodyHome(home), db);
        org.assertj.core.api.Assertions.assertThatThrownBy(other::checkpointWebhook)
                .hasMessageContaining("custody.properties").hasMessageContaining("audit.checkpoint.webhook");
        Files.writeString(props, "audit.checkpoint.webhook=true\n");
        CliContext third = new CliContext(new CustodyHome(home), db);
        org.assertj.core.api.Assertions.assertThatThrownBy(third::checkpointWebhook)
                .hasMessageContaining("no webhook is configured");
    }
}
