package org.custody.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies Flyway's pending migrations so that each migration and its schema-history row commit together.
 *
 * <p>Left to itself, Flyway on PostgreSQL runs a migration on one connection and records it in
 * {@code flyway_schema_history} on another. A process killed between the two commits leaves the migration's
 * tables in place with no history row, and every later start fails with "relation … already exists". Handing
 * Flyway one physical connection (with a session-level instead of a transaction-level advisory lock, so the
 * lock does not hold a transaction open on that connection) puts both writes in the migration's transaction.
 */
final class Migrations {

    private Migrations() {
    }

    static void migrate(String url, String user, String password) throws SQLException {
        try (Connection physical = DriverManager.getConnection(url, user, password)) {
            Flyway.configure()
                    .dataSource(new OneConnection(physical))
                    .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                    .locations("classpath:db/migration")
                    // Migrations are numbered in ranges per area (see V1), so an area can add a migration below
                    // another area's newest one; out-of-order application is therefore part of the design.
                    .outOfOrder(true)
                    .load().migrate();
        }
    }

    /** A data source that lends the same connection each time; Flyway's close() calls leave it open. */
    private record OneConnection(Connection physical) implements DataSource {

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) return null;
                        if (method.getName().equals("isClosed")) return physical.isClosed();
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("org.custody.store");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(physical)) return iface.cast(physical);
            throw new SQLException("not a wrapper for " + iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(physical);
        }
    }
}
