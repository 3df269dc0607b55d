package org.custody.spark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for this module's tests, as the core's tests have it: a new database per call, on the external
 * server named by {@code CUSTODY_TEST_PG_URL} (CI) or on one embedded server per JVM. The job reaches it by URL.
 */
final class TestDb {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres embedded;

    private TestDb() {}

    static synchronized CustodyDb fresh() {
        String name = "custody_spark_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String external = System.getenv("CUSTODY_TEST_PG_URL");
        String adminUrl;
        String user;
        String password;
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv("CUSTODY_TEST_PG_USER");
            password = System.getenv("CUSTODY_TEST_PG_PASSWORD");
        } else {
            adminUrl = embedded().getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = null;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + adminUrl + ": " + e.getMessage(), e);
        }
        return new CustodyDb(adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, password);
    }

    private static EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("custody-spark-pg"))
                        .setCleanDataDirectory(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL for tests: " + e.getMessage(), e);
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
