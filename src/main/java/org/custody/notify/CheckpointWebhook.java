package org.custody.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.custody.audit.AuditCheckpoints;

/**
 * Posts each new audit checkpoint to the configured webhook (event {@value #EVENT}, signed like every
 * notification, see {@link WebhookSignature}), so a copy of the chain's signed head lands outside this
 * machine after every commit. One attempt per commit: a failure is reported and never breaks the commit,
 * and since only the newest checkpoint matters, the next commit posts whatever is newest then. The
 * sequence number of the last checkpoint delivered is kept in {@code webhook-posted.seq} beside the
 * checkpoint log.
 */
public final class CheckpointWebhook {

    public static final String EVENT = "audit.checkpoint";

    private final WebhookNotifier notifier;
    private final Path postedFile;

    public CheckpointWebhook(WebhookConfig config, Path auditFolder) {
        // one attempt, without backoff: the next commit is the retry
        WebhookConfig once = new WebhookConfig(config.url(), config.secret(), 1, config.initialBackoff(),
                config.multiplier(), config.maxBackoff(), config.timeout());
        this.notifier = new WebhookNotifier(once, attempt -> { });
        this.postedFile = auditFolder.resolve("webhook-posted.seq");
    }

    /** The outcome of one call: nothing new to post, delivered, or failed (with why). */
    public record Outcome(boolean attempted, boolean delivered, long seq, String error) {}

    /** Posts the newest checkpoint of {@code checkpoints} unless it (or a newer one) was delivered already. */
    public synchronized Outcome publishLatest(AuditCheckpoints checkpoints) {
        var latest = checkpoints.latest();
        if (latest.isEmpty() || latest.get().seq() <= lastPosted()) return new Outcome(false, false, 0, null);
        AuditCheckpoints.Checkpoint cp = latest.get();
        String body = "{\"event\":\"" + EVENT + "\",\"seq\":" + cp.seq() + ",\"hash\":\"" + cp.hash()
                + "\",\"signedAt\":\"" + cp.at() + "\",\"signature\":\"" + cp.signature()
                + "\",\"publicKeyFingerprint\":\"" + checkpoints.publicKeyFingerprint() + "\",\"checkpoint\":\""
                + cp.line() + "\"}";
        WebhookNotifier.Result r = notifier.send("audit-checkpoint-" + cp.seq(), EVENT, body);
        if (r.delivered()) {
            remember(cp.seq());
            return new Outcome(true, true, cp.seq(), null);
        }
        String error = r.attempts().isEmpty() ? "not sent" : r.attempts().getLast().error();
        return new Outcome(true, false, cp.seq(), error);
    }

    long lastPosted() {
        try {
            return Files.exists(postedFile) ? Long.parseLong(Files.readString(postedFile).trim()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;   // unreadable: post again (receivers drop duplicates by delivery id)
        }
    }

    private void remember(long seq) {
        try {
            Path tmp = postedFile.resolveSibling(postedFile.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(seq), StandardCharsets.US_ASCII);
            Files.move(tmp, postedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the posted checkpoint in " + postedFile + ": " + e.getMessage(), e);
        }
    }
}
