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
        } catch (SQLException e) {
            throw new StoreException("cannot create test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return Database.connect(url, user, password);
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
