package org.custody.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.custody.config.CustodyHome;

/**
 * Where Custody's PostgreSQL is. With no URL configured, Custody runs its own embedded server under
 * {@code $CUSTODY_HOME/pgdata}; production sets {@code CUSTODY_DB_URL} (or {@code db.url} in
 * {@code $CUSTODY_HOME/custody.properties}) to an external server.
 */
public sealed interface DatabaseConfig {

    record Embedded(Path dataDirectory) implements DatabaseConfig {}

    record External(String jdbcUrl, String user, String password) implements DatabaseConfig {}

    static DatabaseConfig resolve(CustodyHome home) {
        Properties props = new Properties();
        Path file = home.resolve("custody.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            org.custody.config.SecretFiles.checkPrivate(file, props);
        }
        String url = firstNonBlank(System.getenv("CUSTODY_DB_URL"), props.getProperty("db.url"));
        if (url == null) {
            return new Embedded(home.resolve("pgdata"));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("CUSTODY_DB_URL must be a jdbc:postgresql: URL, got "
                    + org.custody.config.SecretFiles.redact(url));
        }
        return new External(url,
                firstNonBlank(System.getenv("CUSTODY_DB_USER"), props.getProperty("db.user")),
                firstNonBlank(System.getenv("CUSTODY_DB_PASSWORD"), props.getProperty("db.password")));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }
}
