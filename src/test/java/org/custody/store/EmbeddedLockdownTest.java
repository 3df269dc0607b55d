package org.custody.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.custody.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of the hardening issue: the embedded server no longer trusts local users. Custody connects
 * as a non-superuser application role; the superuser needs its generated password; commits are synchronous.
 */
class EmbeddedLockdownTest {

    @TempDir
    Path home;

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void custodyConnectsAsAnApplicationRoleAndTheServerWantsPasswords() throws Exception {
        Path data = home.resolve("pgdata");
        String url;
        try (Database db = Database.open(new DatabaseConfig.Embedded(data))) {
            db.inTransaction(c -> AuditLog.append(c, "alice", "x", "s", "{}"));
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(one(c, "SELECT current_user")).isEqualTo("custody_app");
                assertThat(one(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
                assertThat(one(c, "SHOW synchronous_commit")).isEqualTo("on");
                assertThatThrownBy(() -> c.createStatement().execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> c.createStatement().execute("ALTER TABLE audit_log DISABLE TRIGGER USER"))
                        .hasMessageContaining("must be owner");
                url = "jdbc:postgresql://localhost:" + one(c, "SHOW port") + "/postgres";
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong"))
                    .hasMessageContaining("password authentication failed");
        }
        for (String f : new String[] {"db-superuser.password", "db-app.password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(f)))).isEqualTo("rw-------");
        }
        // a second start uses the passwords it made the first time
        try (Database again = Database.open(new DatabaseConfig.Embedded(data))) {
            java.util.List<org.custody.audit.AuditEntry> entries = again.read(c -> AuditLog.entries(c, null));
            assertThat(entries).hasSize(1);
        }
    }
}
