package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custody.config.CustodyHome;
import org.custody.lists.LargeLists;
import org.custody.lists.ListEntity;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.lists.WatchlistStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List imports run in bounded memory: a separate JVM whose heap is capped at {@value #HEAP} imports an
 * OFAC legacy CSV set of about 24 MB (the real SDN set copied four times with new ent_nums and varied
 * names, ~60,000 entities). Held in memory as entities, as the import once did, that list alone takes
 * several hundred MB; streamed, it needs the ent_num index, one join partition and one insert batch.
 * And a file refused after thousands of its entities were written leaves nothing of them.
 */
@Tag("db")
class ListImportMemoryTest {

    static final String HEAP = "-Xmx64m";
    static final Path SDN = Path.of("data/lists/ofac-sdn");

    @TempDir
    Path dir;

    @Test
    void aListManyTimesTheHeapImportsInABoundedHeap() throws IOException, InterruptedException {
        Path big = dir.resolve("big-sdn");
        int copies = LargeLists.ofacCsv(SDN, big, 24);
        List<ListEntity> real = OfacCsvImporter.read(OfacCsvSet.inFolder(SDN).orElseThrow()).entities();
        try (Database db = TestDatabases.fresh()) {
            Path err = dir.resolve("err.txt");
            ProcessBuilder pb = ChildCustody.command(db, dir.resolve("child-home"), HEAP, "lists", "import", big.toString())
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(err)).isZero();

            WatchlistStore store = new WatchlistStore(db);
            assertThat(store.current("ofac-sdn").orElseThrow().entityCount()).isEqualTo(copies * real.size());
            // an entity of the last copy carries what the companion files (joined through the spill) add
            ListEntity original = real.stream().filter(e -> e.aliases().size() >= 3 && !e.addresses().isEmpty())
                    .findFirst().orElseThrow();
            long entNum = Long.parseLong(original.sourceId()) + (copies - 1) * LargeLists.ENT_STEP;
            ListEntity copy = store.currentEntity("ofac-sdn:" + entNum).orElseThrow();
            assertThat(copy.aliases()).isEqualTo(original.aliases());
            assertThat(copy.addresses()).isEqualTo(original.addresses());
            assertThat(copy.remarks()).isEqualTo(original.remarks());
            // the snapshot screening starts from holds every entity
            assertThat(store.loadCurrent().entities()).hasSize(copies * real.size());
        }
    }

    @Test
    void aFileRefusedAfterThousandsOfEntitiesLeavesNothing() throws IOException {
        Path un = dir.resolve("un.xml");
        LargeLists.unXml(Path.of("data/lists/un-sc/consolidated.xml"), un, 5);
        String xml = Files.readString(un);
        // a record without its reference number, after every other individual: refused at the end
        Files.writeString(un, xml.replace("</INDIVIDUALS>",
                "<INDIVIDUAL><FIRST_NAME>NO REFERENCE</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>"));
        try (Database db = TestDatabases.fresh()) {
            CliContext ctx = new CliContext(new CustodyHome(dir.resolve("home")), db);
            CliRun first = CliRun.run(ctx, "lists", "import", "data/lists/un-sc/consolidated.xml");
            assertThat(first.exitCode()).as(first.err()).isZero();
            int listed = new WatchlistStore(db).current("un-sc").orElseThrow().entityCount();

            CliRun refused = CliRun.run(ctx, "lists", "import", un.toString());
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("un.xml:").contains("REFERENCE_NUMBER").contains("nothing imported");
            assertThat(count(db, "SELECT count(*) FROM list_entity WHERE list_id = 'un-sc'")).isEqualTo(listed);
            assertThat(count(db, "SELECT count(*) FROM list_version WHERE list_id = 'un-sc'")).isEqualTo(1);
            assertThat(new WatchlistStore(db).current("un-sc").orElseThrow().version()).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM audit_log WHERE action = 'lists.import.refused'")).isEqualTo(1);
        }
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
