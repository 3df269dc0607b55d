package org.custody.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Secrets (the database password, the webhook signing secret) come from the environment or from a file
 * only its owner can read. A {@code custody.properties} holding one while readable by the group or others
 * is refused, naming the file, the key and the fix; a secret's value is never printed.
 */
public final class SecretFiles {

    /** Keys of {@code custody.properties} whose values are secrets. */
    public static final List<String> SECRET_KEYS = List.of("db.password", "notify.webhook.secret");

    private SecretFiles() {}

    /** Refuses {@code file} when it holds a secret of {@code props} and the group or others may read it. */
    public static void checkPrivate(Path file, Properties props) {
        String secret = SECRET_KEYS.stream().filter(k -> {
            String v = props.getProperty(k);
            return v != null && !v.isBlank();
        }).findFirst().orElse(null);
        if (secret == null) return;
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return;                                    // not a POSIX file system
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the permissions of " + file + ": " + e.getMessage(), e);
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalStateException(file + " holds the secret " + secret + " but can be read by "
                    + (perms.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group")
                    + "; refused. Run: chmod 600 " + file + " (or give the secret in the environment)");
        }
    }

    /** {@code url} with any password in it (user:password@ or password=) replaced by ***. */
    public static String redact(String url) {
        if (url == null) return null;
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]*:)[^@/]*@", "$1***@");
    }
}
