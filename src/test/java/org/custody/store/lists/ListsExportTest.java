package org.custody.store.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.SharedData;
import org.custody.lists.un.UnConsolidatedImporter;
import org.junit.jupiter.api.Test;

/** The lists export carries every version field and every entity through, and names a file that is not one. */
class ListsExportTest {

    @Test
    void roundTripsVersionsAndEntitiesWhateverTheProvenanceLength() {
        ParsedList un = UnConsolidatedImporter.read(SharedData.dir("un-sc").resolve("UN_consolidated.xml"));
        List<ListVersion> versions = List.of(
                new ListVersion("un-sc", 7, "2026-02-27", Instant.parse("2026-03-01T10:00:00Z"), un.contentHash(),
                        un.entities().size(), ScreeningCacheTest.longProvenance()),
                new ListVersion("ofac-sdn", 2, null, Instant.parse("2026-03-02T10:00:00Z"), "hash", 0, null));
        byte[] bytes = ListsExport.toBytes(new WatchlistStore.CurrentLists(un.entities(), versions));

        WatchlistStore.CurrentLists back = ListsExport.fromBytes(bytes, "lists.clx");

        assertThat(back.versions()).isEqualTo(versions);
        assertThat(back.entities()).isEqualTo(un.entities());
    }

    @Test
    void refusesAForeignOrCutFileNamingIt() {
        assertThatThrownBy(() -> ListsExport.fromBytes("not an export".getBytes(), "x.clx"))
                .hasMessageContaining("x.clx").hasMessageContaining("not a Custody lists export");
        byte[] bytes = ListsExport.toBytes(new WatchlistStore.CurrentLists(List.of(),
                List.of(new ListVersion("un-sc", 1, null, Instant.EPOCH, "h", 0, "s"))));
        assertThatThrownBy(() -> ListsExport.fromBytes(Arrays.copyOf(bytes, bytes.length - 3), "y.clx"))
                .hasMessageContaining("y.clx").hasMessageContaining("damaged");
    }
}
