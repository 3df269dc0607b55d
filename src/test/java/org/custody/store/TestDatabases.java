package org.custody.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests. With {@code CUSTODY_TEST_PG_URL} set (CI: Debian's server over TCP), every
 * {@link #fresh()} database is created there; otherwise on one embedded server started per JVM. Each
 * call returns a new, empty, migrated database, so tests never see each other's rows.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> CREATED_ON_EXTERNAL = new java.util.ArrayList<>();

    private TestDatabases() {}

    public static boolean external() {
        String url = System.getenv("CUSTODY_TEST_PG_URL");
        return url != null && !url.isBlank();
    }

    public static synchronized Database fresh() {
        String name = "custody_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String adminUrl;
        String user;
        String password;
        if (external()) {
            adminUrl = System.getenv("CUSTODY_TEST_PG_URL");
            user = System.getenv("CUSTODY_TEST_PG_USER");
            password = System.getenv("CUSTODY_TEST_PG_PASSWORD");
        } else {
            adminUrl = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = null;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            if (external()) rememberForCleanup(name, adminUrl, user, password);
        } catch (SQLException e) {
            throw new StoreException("cannot create test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return Database.connect(url, user, password);
    }

    /** The external server outlives the JVM, so its test databases are dropped when the JVM exits. */
    private static void rememberForCleanup(String name, String adminUrl, String user, String password) {
        if (CREATED_ON_EXTERNAL.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                     Statement s = c.createStatement()) {
                    for (String db : CREATED_ON_EXTERNAL) s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                } catch (SQLException ignored) {
                    // leftover databases are harmless; CI machines are fresh
                }
            }));
        }
        CREATED_ON_EXTERNAL.add(name);
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("custody-test-pg"))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new StoreException("cannot start embedded PostgreSQL for tests: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return embedded;
    }
}
