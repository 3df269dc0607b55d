package org.custody.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.custody.store.Database;
import org.custody.store.StoreException;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class AuditLogTest {

    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.fresh();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void entriesChainOntoTheirPredecessor() {
        AuditEntry first = db.inTransaction(c -> AuditLog.append(c, "alice", "vet.decide", "unit:1", "{}"));
        AuditEntry second = db.inTransaction(c -> AuditLog.append(c, "bob", "case.update", "case:7", "{\"to\":\"x\"}"));
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(db.read(AuditLog::firstBrokenLink)).isEmpty();
        List<AuditEntry> about7 = db.read(c -> AuditLog.entries(c, "case:7"));
        assertThat(about7).extracting(AuditEntry::actor).containsExactly("bob");
    }

    @Test
    void rowsCannotBeEditedOrDeleted() {
        db.inTransaction(c -> AuditLog.append(c, "alice", "x", "s", "{}"));
        assertThatThrownBy(() -> db.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE audit_log SET actor = 'mallory'")))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM audit_log")))
                .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
    }

    @Test
    void aRolledBackDecisionLeavesNoEntry() {
        int before = db.read(c -> AuditLog.entries(c, "rolled-back").size());
        assertThatThrownBy(() -> db.inTransaction(c -> {
            AuditLog.append(c, "alice", "x", "rolled-back", "{}");
            throw new SQLException("decision failed");
        })).isInstanceOf(StoreException.class);
        List<AuditEntry> after = db.read(c -> AuditLog.entries(c, "rolled-back"));
        assertThat(after).hasSize(before);
    }

    @Test
    void tamperedContentIsDetected() {
        String prev = AuditLog.GENESIS;
        var at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        String h = AuditLog.hash(prev, at, "a", "b", "c", "d");
        assertThat(AuditLog.hash(prev, at, "a", "b", "c", "e")).isNotEqualTo(h);
        // length-prefixing: moving a character between fields changes the hash
        assertThat(AuditLog.hash(prev, at, "ab", "", "c", "d")).isNotEqualTo(AuditLog.hash(prev, at, "a", "b", "c", "d"));
    }
}
