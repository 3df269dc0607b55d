package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.config.CustodyHome;
import org.custody.lists.SharedData;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actor names resolve through the screening engine once watchlists are imported. */
@Tag("db")
class IngestWithWatchlistsTest {

    @TempDir
    static Path home;

    static Database db;
    static CliContext ctx;

    @BeforeAll
    static void importLists() {
        db = TestDatabases.fresh();
        ctx = new CliContext(new CustodyHome(home), db);
        CliRun r = CliRun.run(ctx, "lists", "import", SharedData.dir("ofac-sdn").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void listedGroupsAndPeopleResolveToWatchlistEntities(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("post.txt");
        Files.writeString(f, "Title: Brigade parade\nPublished: 2018-02-01\n\n"
                + "Fighters of Kataib Hezbollah paraded M1A1 Abrams tanks in Baghdad last week. "
                + "The group's leader Abu Mahdi al-Muhandis watched with Adnan al-Hamidawi, local media said.");
        CliRun r = CliRun.run(ctx, "ingest", "--json", f.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.MAPPER.readTree(r.out().lines().findFirst().orElseThrow());
        List<String> ids = new ArrayList<>();
        for (JsonNode m : doc.get("mentions")) {
            if (m.get("type").asText().equals("actor") && !m.get("resolved").isNull()) ids.add(m.get("resolved").get("id").asText());
        }
        // a registry alias screened to its listed entity; a titled official; a listed name the registry lacks
        assertThat(ids).contains("ofac-sdn:11462", "ofac-sdn:11461", "ofac-sdn:28690");
        JsonNode claim = doc.get("claims").get(0);
        assertThat(claim.get("holder").get("id").asText()).isEqualTo("ofac-sdn:11462");
    }
}
