package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.lists.SharedData;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 1 of the hardening issue: an empty or gutted list file must not replace the live watchlist. */
@Tag("db")
class ListShrinkGuardTest {

    @TempDir
    Path home;
    @TempDir
    Path files;

    Database db;
    CliContext ctx;

    @BeforeEach
    void open() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode current(String list) throws IOException {
        CliRun r = CliRun.run(ctx, "lists", "show", "--json");
        for (String l : r.lines()) {
            JsonNode n = Json.MAPPER.readTree(l);
            if (n.get("list").asText().equals(list)) return n.get("current");
        }
        return null;
    }

    private List<AuditEntry> audit() {
        return db.read(c -> AuditLog.entries(c, null));
    }

    /** The 2021 OFAC folder with sdn.csv emptied and its companions left as they are. */
    private Path ofacWithEmptySdn() throws IOException {
        Path dir = Files.createDirectories(files.resolve("ofac-empty"));
        for (String f : List.of("add.csv", "alt.csv", "sdn_comments.csv")) {
            Files.copy(SharedData.dir("ofac-sdn-2021-07").resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("sdn.csv"), "");
        return dir;
    }

    @Test
    void anEmptySdnCsvBesideGoodCompanionsIsRefusedAndAuditedAndScreeningStillAlerts() throws IOException {
        assertThat(CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn-2021-07").toString()).exitCode()).isZero();
        CliRun r = CliRun.run(ctx, "lists", "import", ofacWithEmptySdn().toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.err()).contains("ofac-sdn").contains("0 entities").contains("version 1 (8976 entities)")
                .contains("--allow-shrink");
        assertThat(current("ofac-sdn").get("version").asInt()).isEqualTo(1);
        assertThat(current("ofac-sdn").get("entities").asInt()).isEqualTo(8976);
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("lists.import", "lists.import.refused");
        assertThat(audit().getLast().detail()).contains("0 entities");

        CliRun screen = CliRun.run(ctx, "screen", "Osama bin Laden");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
        assertThat(screen.out()).contains("ALERT");

        // finding 2: a colour sequence in the query still alerts, and is shown escaped, never raw
        CliRun coloured = CliRun.run(ctx, "screen", "Osama \u001B[31mbin\u001B[0m La\u200Bden");
        assertThat(coloured.exitCode()).as(coloured.err()).isZero();
        assertThat(coloured.out()).contains("ALERT").doesNotContain("\u001B").doesNotContain("\u200B")
                .contains("Osama \\u001B[31mbin\\u001B[0m La\\u200Bden");
        CliRun json = CliRun.run(ctx, "screen", "--json", "Osama La\u200Bden\u202E");
        assertThat(json.out()).doesNotContain("\u200B").doesNotContain("\u202E").contains("\\u200b");
    }

    @Test
    void aUnFileWithEmptyIndividualsAndEntitiesIsRefused() throws IOException {
        Path un = SharedData.dir("un-sc").resolve("UN_consolidated.xml");
        assertThat(CliRun.run(ctx, "lists", "import", un.toString()).exitCode()).isZero();
        Path empty = files.resolve("consolidated.xml");
        Files.writeString(empty, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CONSOLIDATED_LIST dateGenerated=\"2026-03-01T00:00:00Z\"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>\n");
        CliRun r = CliRun.run(ctx, "lists", "import", empty.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("un-sc: the new version has 0 entities and would replace version 1 (1003 entities)");
        assertThat(current("un-sc").get("entities").asInt()).isEqualTo(1003);
        CliRun screen = CliRun.run(ctx, "screen", "Eric Badege");
        assertThat(screen.exitCode()).as(screen.err()).isZero();
    }

    @Test
    void allowShrinkAcceptsTheEmptyVersionAndSaysSo() throws IOException {
        assertThat(CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn-2021-07").toString()).exitCode()).isZero();
        CliRun r = CliRun.run(ctx, "lists", "import", "--allow-shrink", ofacWithEmptySdn().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ofac-sdn: version 2 is now current (0 entities, replaces version 1)");
    }

    @Test
    void aVersionDroppingMoreThanTheConfiguredShareIsRefusedWithTheCounts() throws IOException {
        Path full = SharedData.dir("ofac-sdn-2021-07");
        assertThat(CliRun.run(ctx, "lists", "import", full.toString()).exitCode()).isZero();
        // keep the header-less sdn.csv's first 80 % of rows: 20 % of the entities disappear
        Path dir = Files.createDirectories(files.resolve("ofac-cut"));
        for (String f : List.of("add.csv", "alt.csv", "sdn_comments.csv")) Files.copy(full.resolve(f), dir.resolve(f));
        List<String> rows = Files.readAllLines(full.resolve("sdn.csv"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stream().filter(l -> !l.isBlank() && !l.startsWith("\u001a")).toList();
        Files.write(dir.resolve("sdn.csv"), rows.subList(0, rows.size() * 8 / 10), java.nio.charset.StandardCharsets.ISO_8859_1);
        CliRun r = CliRun.run(ctx, "lists", "import", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).containsPattern("drops \\d+ of the 8976 entities of version 1 \\(2\\d\\.\\d %")
                .contains("more than the allowed 10.0 %");

        // an operator who expects large delistings raises the share in custody.properties
        Files.writeString(home.resolve("custody.properties"), "lists.max-drop-share=0.5\n");
        CliRun allowed = CliRun.run(ctx, "lists", "import", dir.toString());
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(current("ofac-sdn").get("version").asInt()).isEqualTo(2);

        Files.writeString(home.resolve("custody.properties"), "lists.max-drop-share=NaN\n");
        CliRun bad = CliRun.run(ctx, "lists", "import", full.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("custody.properties: field lists.max-drop-share: expected a share between 0 and 1");
    }
}
