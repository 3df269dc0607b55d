package org.custody.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds one installation's embedded database, caches and downloads.
 * Two homes never share anything, so tests and demos each get their own.
 */
public record CustodyHome(Path root) {

    public static CustodyHome fromEnvironment() {
        String env = System.getenv("CUSTODY_HOME");
        Path root = (env != null && !env.isBlank())
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".custody");
        return new CustodyHome(root.toAbsolutePath().normalize());
    }

    /**
     * The settings of this home: {@code custody.properties} (refused when it holds a secret and others may
     * read it), with {@code CUSTODY_WEBHOOK_SECRET} from the environment in place of the file's webhook secret.
     */
    public java.util.Properties properties() {
        java.util.Properties p = new java.util.Properties();
        Path file = resolve("custody.properties");
        if (Files.isRegularFile(file)) {
            try (java.io.Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            SecretFiles.checkPrivate(file, p);
        }
        String secret = System.getenv("CUSTODY_WEBHOOK_SECRET");
        if (secret != null && !secret.isBlank()) p.setProperty("notify.webhook.secret", secret);
        return p;
    }

    public Path resolve(String child) {
        return root.resolve(child);
    }

    public Path ensureDirectory(String child) {
        Path dir = root.resolve(child);
        try {
            if (!Files.exists(root)) {
                // the home holds the database, its lock and the audit signing key: its owner's alone
                Files.createDirectories(root);
                try {
                    Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
