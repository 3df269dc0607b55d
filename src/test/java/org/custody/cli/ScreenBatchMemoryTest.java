package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custody.config.CustodyHome;
import org.custody.lists.ListEntity;
import org.custody.lists.SharedData;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.lists.WatchlistStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custody screen --json --batch} streams: a separate JVM whose heap is capped at 128 MB screens
 * 30,000 names against the real UN list (holding every result, as the command once did, took about
 * 55 kB per name: over 1.5 GB here), and every name gets its line, in input order.
 */
@Tag("db")
class ScreenBatchMemoryTest {

    static final int NAMES = 30_000;

    @TempDir
    Path dir;

    @Test
    void aLargeBatchRunsInABoundedHeap() throws IOException, InterruptedException {
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
            CliRun imported = CliRun.run(ctx, "lists", "import", SharedData.dir("un-sc").resolve("UN_consolidated.xml").toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            List<String> names = variants(new WatchlistStore(db).loadCurrent().entities());
            Path input = dir.resolve("names.txt");
            Files.write(input, names, StandardCharsets.UTF_8);

            Path out = dir.resolve("out.jsonl"), err = dir.resolve("err.txt");
            ProcessBuilder pb = ChildCustody.command(db, dir.resolve("child-home"), "-Xmx128m", "screen", "--json",
                    "--batch", input.toString()).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(err)).isZero();

            long lines = 0;
            try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine(), lines++) {
                    if (lines % 997 != 0) continue;
                    JsonNode n = Json.MAPPER.readTree(line);
                    assertThat(n.get("query").asText()).isEqualTo(names.get((int) lines));
                    assertThat(n.get("hits").size()).isPositive();
                }
            }
            assertThat(lines).isEqualTo(NAMES);
            assertThat(Files.size(out)).as("tens of megabytes of output").isGreaterThan(40L << 20);
        }
    }

    /** Listed names as written, with one letter dropped, with two letters swapped, and in reverse token order. */
    static List<String> variants(List<ListEntity> entities) {
        List<String> out = new ArrayList<>(NAMES);
        for (int i = 0; out.size() < NAMES; i++) {
            String name = entities.get((int) ((i * 7919L) % entities.size())).primaryName().strip();
            int m = name.length() / 2;
            out.add(switch (i % 4) {
                case 0 -> name;
                case 1 -> name.length() > 5 ? name.substring(0, m) + name.substring(m + 1) : name;
                case 2 -> name.length() > 5 ? name.substring(0, m - 1) + name.charAt(m) + name.charAt(m - 1) + name.substring(m + 1) : name;
                default -> String.join(" ", reversed(name.split("\\s+")));
            });
        }
        return out;
    }

    private static List<String> reversed(String[] tokens) {
        List<String> r = new ArrayList<>(List.of(tokens));
        java.util.Collections.reverse(r);
        return r;
    }
}
