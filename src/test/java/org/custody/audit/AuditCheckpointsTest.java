package org.custody.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 5 of the hardening issue: someone with full control of the database (triggers off) edits an
 * entry, recomputes every later hash and deletes the last row. The plain hash chain still "holds"; the
 * signed checkpoints kept outside the database do not.
 */
@Tag("db")
class AuditCheckpointsTest {

    @TempDir
    Path home;

    Database db;
    AuditCheckpoints checkpoints;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh();
        checkpoints = AuditCheckpoints.open(home.resolve("audit"));
        db.onCommit(checkpoints::export);
        for (int i = 1; i <= 6; i++) {
            int n = i;
            db.inTransaction(c -> AuditLog.append(c, "alice", "vet.decide", "unit:" + n, "{\"outcome\":\"approved\"}"));
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private AuditCheckpoints.Verification verify() {
        return db.read(c -> {
            try {
                return checkpoints.verify(c, checkpoints.logFile());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<AuditEntry> entries() {
        return db.read(c -> AuditLog.entries(c, null));
    }

    /** What a database superuser can do: triggers off, then any SQL. */
    private void asSuperuser(String sql) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
                s.execute(sql);
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
            return null;
        });
    }

    /** Rewrites entry {@code seq}'s detail and recomputes its hash and every later one (a consistent chain). */
    private void rechainFrom(long seq, String newDetail) {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            }
            String prev = AuditLog.GENESIS;
            for (AuditEntry e : AuditLog.entries(c, null)) {
                String detail = e.seq() == seq ? newDetail : e.detail();
                String hash = AuditLog.hash(prev, e.recordedAt(), e.actor(), e.action(), e.subject(), detail);
                update(c, e.seq(), detail, prev, hash);
                prev = hash;
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
            return null;
        });
    }

    private static void update(Connection c, long seq, String detail, String prev, String hash) throws SQLException {
        // the UNIQUE(hash) constraint is checked per row: park the new hash under a placeholder first
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
            ps.setString(1, detail);
            ps.setString(2, prev);
            ps.setString(3, hash);
            ps.setLong(4, seq);
            ps.executeUpdate();
        }
    }

    @Test
    void anUntouchedLogVerifiesAndEveryCommitIsCheckpointed() throws Exception {
        AuditCheckpoints.Verification v = verify();
        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isEqualTo(6);
        assertThat(v.checkpoints()).isEqualTo(6);
        assertThat(v.entriesAfterLastCheckpoint()).isZero();
        assertThat(Files.readString(checkpoints.logFile())).doesNotContain("BEGIN").contains("custody-audit-checkpoint/1 6 ");
        assertThat(Files.getPosixFilePermissions(home.resolve("audit/checkpoint-signing.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void editRechainAndDeleteTheLastRowPassesThePlainChainButNotTheCheckpoints() {
        long second = entries().get(1).seq();
        long last = entries().getLast().seq();
        rechainFrom(second, "{\"outcome\":\"denied\"}");
        asSuperuser("DELETE FROM audit_log WHERE seq = " + last);

        assertThat(db.read(AuditLog::firstBrokenLink)).as("the unkeyed chain alone is fooled").isEmpty();
        AuditCheckpoints.Verification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("entry " + last + ", signed in the checkpoint")
                && p.contains("truncated"));
        assertThat(v.problems()).anyMatch(p -> p.startsWith("entry " + second + " does not match the checkpoint"));
    }

    @Test
    void aPlainEditADeletionInTheMiddleAndTruncationAreDetected() {
        List<AuditEntry> all = entries();
        asSuperuser("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + all.get(2).seq());
        assertThat(verify().problems()).anyMatch(p -> p.startsWith("hash chain broken at entry " + all.get(2).seq()));

        asSuperuser("UPDATE audit_log SET actor = 'alice' WHERE seq = " + all.get(2).seq());
        assertThat(verify().problems()).isEmpty();

        asSuperuser("DELETE FROM audit_log WHERE seq = " + all.get(3).seq());
        assertThat(verify().problems()).anyMatch(p -> p.contains("entry " + all.get(3).seq()) && p.contains("(deleted)"));

        asSuperuser("TRUNCATE audit_log");
        assertThat(verify().problems()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aForgedOrAlteredCheckpointLineIsRefused() throws Exception {
        Path log = checkpoints.logFile();
        List<String> lines = Files.readAllLines(log);
        String last = lines.getLast();
        String[] f = last.split(" ");
        // a checkpoint moved to another hash keeps its signature: the signature no longer fits
        lines.set(lines.size() - 1, String.join(" ", f[0], f[1], "0".repeat(64), f[3], f[4]));
        Files.write(log, lines);
        assertThat(verify().problems()).anyMatch(p -> p.contains("no valid signature"));
        // a key made by someone else signs nothing this installation accepts
        AuditCheckpoints other = AuditCheckpoints.open(home.resolve("other"));
        AuditCheckpoints.Checkpoint forged = other.sign(1, "0".repeat(64), java.time.Instant.now());
        assertThat(checkpoints.signatureValid(forged)).isFalse();
        assertThat(other.signatureValid(forged)).isTrue();
    }
}
