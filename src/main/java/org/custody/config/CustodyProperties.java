package org.custody.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * {@code $CUSTODY_HOME/custody.properties} as every door (command line, server) reads it: absent means all
 * defaults; a file holding secrets must be private (see {@link SecretFiles}); the webhook secret may come
 * from the environment instead.
 */
public final class CustodyProperties {

    private CustodyProperties() {}

    public static Path file(CustodyHome home) {
        return home.resolve("custody.properties");
    }

    public static Properties load(CustodyHome home) {
        Properties p = new Properties();
        Path file = file(home);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            SecretFiles.checkPrivate(file, p);
        }
        String secret = System.getenv("CUSTODY_WEBHOOK_SECRET");
        if (secret != null && !secret.isBlank()) p.setProperty("notify.webhook.secret", secret);
        return p;
    }
}
