package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custody.lists.SharedData;
import org.custody.store.HomeLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 8 of the hardening issue: Custody killed with SIGKILL in the middle of a list import, a ledger
 * import and an ingest, each followed by a normal command in a new process on the same home. The next
 * command must work at once (the orphaned embedded PostgreSQL is stopped) and find all or nothing of
 * the interrupted work.
 */
class KillRecoveryTest {

    @TempDir
    Path home;

    @AfterEach
    void noServerLeftBehind() {
        HomeLock.stopStaleServer(home.resolve("pgdata"), Duration.ofSeconds(20));
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.custody.cli.CustodyCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("CUSTODY_HOME", home.toString());
        pb.environment().put("CUSTODY_BUNDLED_LISTS", Path.of("data", "lists").toAbsolutePath().toString());
        pb.environment().put("CUSTODY_LOCK_TIMEOUT", "120");
        pb.redirectOutput(home.resolveSibling(home.getFileName() + ".out").toFile());
        pb.redirectError(home.resolveSibling(home.getFileName() + ".err").toFile());
        return pb.start();
    }

    private record Result(int code, String out, String err) {}

    private Result run(String... args) throws Exception {
        Process p = start(args);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), Files.readString(home.resolveSibling(home.getFileName() + ".out")),
                Files.readString(home.resolveSibling(home.getFileName() + ".err")));
    }

    /** Starts a command and kills it with SIGKILL once its embedded server is up and work has begun. */
    private void killDuring(long afterMillis, String... args) throws Exception {
        Process p = start(args);
        Path pid = home.resolve("pgdata").resolve("postmaster.pid");
        for (int i = 0; i < 1200 && p.isAlive() && !Files.exists(pid); i++) Thread.sleep(100);
        Thread.sleep(afterMillis);
        p.destroyForcibly();                      // SIGKILL: no shutdown hook runs, the server is orphaned
        p.waitFor(60, TimeUnit.SECONDS);
    }

    @Test
    void afterKillNineTheNextCommandWorksAndFindsAllOrNothing() throws Exception {
        // 1. during a list import
        killDuring(2500, "lists", "import", "--bundled");
        Result shown = run("lists", "show", "--json");
        assertThat(shown.code()).as(shown.err()).isZero();
        for (String line : shown.out().lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode n = Json.MAPPER.readTree(line);
            int expected = n.get("list").asText().equals("ofac-sdn") ? 14965 : 1003;
            assertThat(n.get("current").get("entities").asInt()).as(line).isEqualTo(expected);
        }

        // 2. during a ledger import (units, then the SIPRI register)
        Result units = run("ledger", "import", "data/demo/ledger/units");
        assertThat(units.code()).as(units.err()).isZero();
        Path sipri = SharedData.dir("sipri-deliveries").resolve("trade-register.csv");
        killDuring(1500, "ledger", "import", "--sipri", "--recipient", "Iraq", sipri.toString());
        Result again = run("ledger", "import", "--sipri", "--recipient", "Iraq", sipri.toString());
        assertThat(again.code()).as(again.err()).isZero();

        // 3. during an ingest: each file lands whole or not at all, and ingesting again completes the corpus
        killDuring(2000, "ingest", "data/corpus");
        Result ingest = run("ingest", "--json", "data/corpus");
        assertThat(ingest.code()).as(ingest.err()).isZero();
        assertThat(ingest.err()).contains("6 file(s)").contains("0 refused");

        // the audit trail survived every kill
        Result audit = run("audit", "--verify");
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("audit chain intact");
    }
}
