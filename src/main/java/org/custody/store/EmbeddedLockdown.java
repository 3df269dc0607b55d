package org.custody.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded server's access rules. PostgreSQL's {@code initdb} trusts every local user; Custody
 * replaces that on first start with SCRAM passwords for everyone: a generated superuser password (used
 * only to migrate) and a separate non-superuser application role, {@value #APP_ROLE}, that Custody
 * connects as (data rights only: it cannot disable the audit triggers, drop tables or run programs). Both
 * passwords live in 0600 files in {@code $CUSTODY_HOME}, which is 0700.
 */
final class EmbeddedLockdown {

    static final String APP_ROLE = "custody_app";
    static final String HBA_MARKER = "# custody: SCRAM passwords only";

    private final Path superuserFile;
    private final Path appFile;

    EmbeddedLockdown(Path home) {
        this.superuserFile = home.resolve("db-superuser.password");
        this.appFile = home.resolve("db-app.password");
    }

    /** True once the data directory's pg_hba.conf is Custody's (passwords required). */
    static boolean isLockedDown(Path dataDirectory) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(hba) && Files.readString(hba).contains(HBA_MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    String superuserPassword() {
        return readOrCreate(superuserFile);
    }

    String appPassword() {
        return readOrCreate(appFile);
    }

    /** Sets the passwords and the application role, then makes the server require SCRAM for every connection. */
    void apply(String url, Path dataDirectory) throws SQLException, IOException {
        String su = superuserPassword();
        String app = appPassword();
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD '" + su + "'");
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
                    + "CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
            s.execute("ALTER ROLE " + APP_ROLE + " PASSWORD '" + app + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            Path tmp = dataDirectory.resolve("pg_hba.conf.custody");
            Files.writeString(tmp, HBA_MARKER + "\n"
                    + "local   all   all                  scram-sha-256\n"
                    + "host    all   all   127.0.0.1/32   scram-sha-256\n"
                    + "host    all   all   ::1/128        scram-sha-256\n", StandardCharsets.US_ASCII);
            Files.move(tmp, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Gives the application role the data rights on every table and sequence (after each migration). */
    void grant(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", superuserPassword());
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA public TO " + APP_ROLE);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APP_ROLE);
            s.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + APP_ROLE);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
    }

    /** The password in {@code file}, created (random, mode 0600) on first use. */
    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                SecretPermissions.requirePrivate(file);
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            String pw = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, pw + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pw;
        } catch (IOException e) {
            throw new StoreException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a password file the group or others can read. */
    static final class SecretPermissions {
        private SecretPermissions() {}

        static void requirePrivate(Path file) throws IOException {
            try {
                var perms = Files.getPosixFilePermissions(file);
                for (var p : perms) {
                    String n = p.name();
                    if (n.startsWith("GROUP") || n.startsWith("OTHERS")) {
                        throw new StoreException(file + " can be read or changed by users other than its owner; "
                                + "refused. Run: chmod 600 " + file);
                    }
                }
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
    }
}
