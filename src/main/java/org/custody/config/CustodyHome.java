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
