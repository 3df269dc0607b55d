package org.custody.store.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.SharedData;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.lists.un.UnConsolidatedImporter;
import org.custody.store.Database;
import org.custody.store.StoreException;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class WatchlistStoreTest {

    static ParsedList sdn2021;
    static ParsedList sdn2024;
    static ParsedList un;
    Database db;

    @BeforeAll
    static void parse() {
        sdn2021 = OfacCsvImporter.read(OfacCsvSet.inFolder(SharedData.dir("ofac-sdn-2021-07")).orElseThrow());
        sdn2024 = OfacCsvImporter.read(OfacCsvSet.inFolder(SharedData.dir("ofac-sdn")).orElseThrow());
        un = UnConsolidatedImporter.read(SharedData.dir("un-sc").resolve("UN_consolidated.xml"));
    }

    WatchlistStore store() {
        if (db == null) db = TestDatabases.fresh();
        return new WatchlistStore(db);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        if (db != null) db.close();
    }

    @AfterAll
    static void done() {
        sdn2021 = sdn2024 = un = null;
    }

    @Test
    void importMakesAVersionCurrentAndLoadCurrentReturnsItsEntities() {
        WatchlistStore store = store();
        WatchlistStore.ImportOutcome o = store.importList(sdn2021, "test:ofac-sdn-2021-07");
        assertThat(o.unchanged()).isFalse();
        assertThat(o.version().version()).isEqualTo(1);
        assertThat(o.version().entityCount()).isEqualTo(8976);
        assertThat(o.replaced()).isNull();

        WatchlistStore.CurrentLists current = store.loadCurrent();
        assertThat(current.versions()).singleElement().satisfies(v -> {
            assertThat(v.listId()).isEqualTo("ofac-sdn");
            assertThat(v.contentHash()).isEqualTo(sdn2021.contentHash());
            assertThat(v.source()).isEqualTo("test:ofac-sdn-2021-07");
        });
        assertThat(current.entities()).containsExactlyElementsOf(sdn2021.entities());
        assertThat(store.currentEntity("ofac-sdn:10481")).contains(
                sdn2021.entities().stream().filter(e -> e.id().equals("ofac-sdn:10481")).findFirst().orElseThrow());

        List<AuditEntry> audit = db.read(c -> AuditLog.entries(c, "list:ofac-sdn"));
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("lists.import");
            assertThat(a.detail()).contains("\"version\":1").contains(sdn2021.contentHash());
        });
    }

    @Test
    void reimportingIdenticalContentIsRecognisedAndAddsNoVersion() {
        WatchlistStore store = store();
        store.importList(sdn2021, "first");
        WatchlistStore.ImportOutcome again = store.importList(sdn2021, "second");
        assertThat(again.unchanged()).isTrue();
        assertThat(again.version().version()).isEqualTo(1);
        assertThat(store.history("ofac-sdn")).hasSize(1);
        assertThat(audit("list:ofac-sdn")).extracting(AuditEntry::action)
                .containsExactly("lists.import", "lists.import.unchanged");
    }

    @Test
    void newContentReplacesTheVersionAndHistorySaysWhichWasCurrentWhen() throws InterruptedException {
        WatchlistStore store = store();
        ListVersion v1 = store.importList(sdn2021, "2021").version();
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        WatchlistStore.ImportOutcome o2 = store.importList(sdn2024, "2024");
        assertThat(o2.version().version()).isEqualTo(2);
        assertThat(o2.replaced()).isEqualTo(v1);

        List<WatchlistStore.VersionPeriod> h = store.history("ofac-sdn");
        assertThat(h).hasSize(2);
        assertThat(h.get(0).current()).isFalse();
        assertThat(h.get(0).validTo()).isEqualTo(h.get(1).validFrom());
        assertThat(h.get(1).current()).isTrue();
        assertThat(h.get(1).validTo()).isNull();
        assertThat(h.get(1).counts()).containsEntry("aliasOrphanEntities", 945L);

        assertThat(store.currentAt("ofac-sdn", between)).contains(v1);
        assertThat(store.currentAt("ofac-sdn", Instant.now())).contains(o2.version());
        assertThat(store.currentAt("ofac-sdn", v1.importedAt().minusSeconds(1))).isEmpty();
        assertThat(store.loadCurrent().entities()).hasSize(14965);
        // the old version's entities are still there, for the record
        assertThat(store.entities("ofac-sdn", 1)).hasSize(8976);
    }

    @Test
    void aFailureInsideAMultiListImportLeavesEveryListAsItWas() {
        WatchlistStore store = store();
        store.importList(sdn2021, "2021");
        List<ListEntity> dup = new ArrayList<>(sdn2024.entities());
        dup.add(dup.getFirst());
        ParsedList broken = new ParsedList("ofac-sdn", null, "f".repeat(64), dup, sdn2024.counts(), List.of());
        assertThatThrownBy(() -> store.importAll(List.of(un, broken), "update")).isInstanceOf(StoreException.class);

        assertThat(store.listIds()).containsExactly("ofac-sdn");
        assertThat(store.current("ofac-sdn").orElseThrow().contentHash()).isEqualTo(sdn2021.contentHash());
        assertThat(store.history("ofac-sdn")).hasSize(1);
        assertThat(store.loadCurrent().entities()).hasSize(8976);
        assertThat(audit(null)).hasSize(1);
    }

    @Test
    void severalListsAreCurrentSideBySide() {
        WatchlistStore store = store();
        store.importAll(List.of(sdn2024, un), "both");
        WatchlistStore.CurrentLists current = store.loadCurrent();
        assertThat(current.versions()).extracting(ListVersion::listId).containsExactly("ofac-sdn", "un-sc");
        assertThat(current.versions().get(1).publishedAt()).isEqualTo("2026-02-27T00:00:09.554Z");
        assertThat(current.entities()).hasSize(14965 + 1003);
    }

    private List<AuditEntry> audit(String subject) {
        return db.read(c -> AuditLog.entries(c, subject));
    }

    @Test
    void refusalsAreAudited() {
        WatchlistStore store = store();
        store.recordRefusal("ofac-sdn", "/tmp/x", "sdn.csv:3: field SDN_Type: unknown");
        assertThat(audit("list:ofac-sdn")).singleElement()
                .satisfies(a -> assertThat(a.action()).isEqualTo("lists.import.refused"));
        assertThat(store.listIds()).isEmpty();
    }
}
