package org.custody.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Custody's PostgreSQL: the embedded server (started here, stopped on close) or an external one.
 * Opening a database applies every pending Flyway migration, so code can assume the current schema.
 */
public final class Database implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final String description;
    private volatile CommitListener commitListener;
    private HomeLock homeLock;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource, String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.description = description;
    }

    public static Database open(DatabaseConfig config) {
        return switch (config) {
            case DatabaseConfig.Embedded e -> openEmbedded(e);
            case DatabaseConfig.External x -> migrated(null, x.jdbcUrl(), x.user(), x.password(),
                    "external PostgreSQL at " + org.custody.config.SecretFiles.redact(x.jdbcUrl()));
        };
    }

    /** How long a second process waits for the first one on the same home ({@code CUSTODY_LOCK_TIMEOUT} seconds). */
    static Duration lockTimeout() {
        String v = System.getenv("CUSTODY_LOCK_TIMEOUT");
        try {
            return Duration.ofSeconds(v == null || v.isBlank() ? 120 : Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CUSTODY_LOCK_TIMEOUT must be a number of seconds, got '" + v + "'");
        }
    }

    private static Database openEmbedded(DatabaseConfig.Embedded config) {
        HomeLock lock = HomeLock.acquire(config.dataDirectory().resolveSibling("custody.lock"), lockTimeout(),
                msg -> System.err.println("custody: " + msg));
        try {
            HomeLock.stopStaleServer(config.dataDirectory(), Duration.ofSeconds(20)).ifPresent(pid ->
                    System.err.println("custody: stopped the embedded PostgreSQL (pid " + pid
                            + ") left running by a Custody process that ended abruptly"));
            Database db = openEmbeddedLocked(config);
            db.homeLock = lock;
            return db;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Database openEmbeddedLocked(DatabaseConfig.Embedded config) {
        EmbeddedPostgres pg;
        EmbeddedLockdown lockdown = new EmbeddedLockdown(config.dataDirectory().getParent());
        boolean lockedDown = EmbeddedLockdown.isLockedDown(config.dataDirectory());
        try {
            Files.createDirectories(config.dataDirectory());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // once locked down, zonky's readiness check must log in with the superuser password too
            if (lockedDown) builder.setConnectConfig("password", lockdown.superuserPassword());
            pg = builder
                    .setDataDirectory(config.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "on")
                    // a confirmed commit is on disk (the embedded defaults trade that away for test speed)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot start the embedded PostgreSQL in " + config.dataDirectory()
                    + " (is another Custody process using this CUSTODY_HOME?): " + e.getMessage(), e);
        }
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        String description = "embedded PostgreSQL in " + config.dataDirectory();
        try {
            if (!lockedDown) lockdown.apply(url, config.dataDirectory());
            // migrations run as the superuser; Custody itself connects as the application role
            try {
                Migrations.migrate(url, "postgres", lockdown.superuserPassword());
            } catch (RuntimeException | SQLException e) {
                throw new StoreException("cannot migrate " + description + ": " + e.getMessage(), e);
            }
            lockdown.grant(url);
            return pooled(pg, url, EmbeddedLockdown.APP_ROLE, lockdown.appPassword(), description);
        } catch (SQLException | IOException e) {
            closeQuietly(pg);
            throw new StoreException("cannot secure " + description + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(pg);
            throw e;
        }
    }

    /** Connects to {@code url} and migrates it; used by tests to give each suite its own database. */
    public static Database connect(String url, String user, String password) {
        return migrated(null, url, user, password, "PostgreSQL at " + org.custody.config.SecretFiles.redact(url));
    }

    private static Database migrated(EmbeddedPostgres pg, String url, String user, String password,
                                     String description) {
        HikariDataSource ds = pool(url, user, password);
        try {
            Migrations.migrate(url, user, password);
        } catch (RuntimeException | SQLException e) {
            ds.close();
            String why = e.getMessage() == null ? "" : e.getMessage();
            if (password != null && !password.isEmpty()) why = why.replace(password, "***");
            throw new StoreException("cannot migrate " + description + ": "
                    + org.custody.config.SecretFiles.redact(why), e);
        }
        return new Database(pg, ds, description);
    }

    /** A database already migrated (the embedded one, migrated by its superuser). */
    private static Database pooled(EmbeddedPostgres pg, String url, String user, String password, String description) {
        return new Database(pg, pool(url, user, password), description);
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null) hc.setUsername(user);
        if (password != null) hc.setPassword(password);
        hc.setMaximumPoolSize(8);
        hc.setMinimumIdle(0);
        hc.setPoolName("custody");
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it does. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            CommitListener listener = commitListener;
            if (listener != null) {
                c.setAutoCommit(true);
                try {
                    listener.afterCommit(c);
                } catch (SQLException | RuntimeException e) {
                    // the work is committed; what follows a commit (the audit checkpoint) must not undo it
                    System.err.println("custody: warning: after the commit: " + e.getMessage());
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Runs after every committed transaction, on its connection (the audit log's signed checkpoints). */
    @FunctionalInterface
    public interface CommitListener {
        void afterCommit(Connection connection) throws SQLException;
    }

    /** Sets the one listener called after each commit (null: none). */
    public void onCommit(CommitListener listener) {
        this.commitListener = listener;
    }

    /** Runs read-only {@code work} on a pooled connection in autocommit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) closeQuietly(embedded);
        if (homeLock != null) homeLock.close();
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the server process is gone either way
        }
    }
}
