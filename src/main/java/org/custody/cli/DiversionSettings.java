package org.custody.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.custody.diversion.ScoringConfig;
import org.custody.notify.WebhookConfig;
import org.custody.store.diversion.DiversionRunner;
import org.custody.store.diversion.VettingRequeueFeedback;

/** Diversion scoring and webhook settings from {@code $CUSTODY_HOME/custody.properties}. */
final class DiversionSettings {

    private DiversionSettings() {}

    static Properties properties(CliContext ctx) {
        Properties p = new Properties();
        Path file = ctx.home().resolve("custody.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            org.custody.config.SecretFiles.checkPrivate(file, p);
        }
        // the webhook secret may come from the environment instead of the file
        String secret = System.getenv("CUSTODY_WEBHOOK_SECRET");
        if (secret != null && !secret.isBlank()) p.setProperty("notify.webhook.secret", secret);
        return p;
    }

    static ScoringConfig scoring(CliContext ctx) {
        try {
            return ScoringConfig.fromProperties(properties(ctx));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ctx.home().resolve("custody.properties") + ": " + e.getMessage(), e);
        }
    }

    static DiversionRunner runner(CliContext ctx) {
        Properties p = properties(ctx);
        WebhookConfig webhook = WebhookConfig.fromProperties(p);
        return new DiversionRunner(ctx.database(), scoring(ctx), webhook, new VettingRequeueFeedback());
    }
}
