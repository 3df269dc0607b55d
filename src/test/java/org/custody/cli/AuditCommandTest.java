package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("db")
class AuditCommandTest {

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    Database db;
    CliContext ctx;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
        for (int i = 0; i < 3; i++) db.inTransaction(c -> AuditLog.append(c, "alice", "x", "s", "{}"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void verifyChecksTheSignedCheckpointsAndAnExportedCopy() throws Exception {
        CliRun ok = CliRun.run(ctx, "audit", "--verify");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("audit chain intact: 3 entries, 3 signed checkpoint(s)");

        CliRun cp = CliRun.run(ctx, "audit", "--checkpoint");
        assertThat(cp.out()).startsWith("custody-audit-checkpoint/1 ");
        Path copy = elsewhere.resolve("copy.log");
        Files.writeString(copy, cp.out());

        // the last entry disappears (a superuser with triggers off)
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
                s.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
            return null;
        });
        CliRun bad = CliRun.run(ctx, "audit", "--verify");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("is missing (the log was truncated after entry").contains("audit log NOT intact");
        CliRun againstCopy = CliRun.run(ctx, "audit", "--verify", "--checkpoints", copy.toString());
        assertThat(againstCopy.exitCode()).isEqualTo(1);
        assertThat(againstCopy.err()).contains("truncated");
    }

    @Test
    void aReportsAppendixAnchorsTheChainWhenTheLocalCheckpointLogIsGone() throws Exception {
        Path out = elsewhere.resolve("report");
        CliRun report = CliRun.run(ctx, "report", "quarterly", "--quarter", "2017-Q1", "--out", out.toString(),
                "--format", "csv,html");
        assertThat(report.exitCode()).as(report.err()).isZero();
        String csv = Files.readString(out.resolve("audit-checkpoint.csv"));
        assertThat(csv).contains("public-key fingerprint,SHA256:");
        long seq = Long.parseLong(csv.lines().filter(l -> l.startsWith("sequence,")).findFirst().orElseThrow().substring(9));
        String line = csv.lines().filter(l -> l.startsWith("checkpoint,")).findFirst().orElseThrow().substring(11);
        assertThat(seq).isGreaterThanOrEqualTo(3);
        assertThat(Files.readString(out.resolve("report.html"))).contains(line);
        for (String[] against : new String[][] {{"--checkpoints", out.resolve("audit-checkpoint.csv").toString()},
                {"--checkpoints", out.resolve("report.html").toString()}, {"--checkpoint-value", line}}) {
            CliRun v = CliRun.run(ctx, "audit", "--verify", against[0], against[1]);
            assertThat(v.exitCode()).as(v.err()).isZero();
            assertThat(v.out()).contains("audit chain intact").contains("the last covering entry " + seq);
        }

        // a superuser drops every entry from the reported one on, and the local checkpoint log goes too
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
                s.execute("DELETE FROM audit_log WHERE seq >= " + seq);
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
            }
            return null;
        });
        Files.delete(home.resolve("audit/checkpoints.log"));
        CliRun local = CliRun.run(ctx, "audit", "--verify");
        assertThat(local.exitCode()).as("nothing left locally to compare with").isZero();
        CliRun againstReport = CliRun.run(ctx, "audit", "--verify", "--checkpoints", out.resolve("audit-checkpoint.csv").toString());
        assertThat(againstReport.exitCode()).isEqualTo(1);
        assertThat(againstReport.err()).contains("entry " + seq + ", signed in the checkpoint of").contains("truncated");
        CliRun againstValue = CliRun.run(ctx, "audit", "--verify", "--checkpoint-value", line);
        assertThat(againstValue.exitCode()).isEqualTo(1);
        CliRun notACheckpoint = CliRun.run(ctx, "audit", "--verify", "--checkpoints", out.resolve("figures.csv").toString());
        assertThat(notACheckpoint.exitCode()).isNotZero();
        assertThat(notACheckpoint.err()).contains("figures.csv: holds no audit checkpoint");
    }
}
