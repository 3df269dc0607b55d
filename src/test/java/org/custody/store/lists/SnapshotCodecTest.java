package org.custody.store.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;
import org.custody.lists.SharedData;
import org.custody.lists.un.UnConsolidatedImporter;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

    @Test
    void realListRoundTrips() {
        List<ListEntity> un = UnConsolidatedImporter.read(SharedData.dir("un-sc").resolve("UN_consolidated.xml")).entities();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(un))).isEqualTo(un);
    }

    @Test
    void snapshotsInTheFirstJsonFormatAreStillRead() {
        List<ListEntity> un = UnConsolidatedImporter.read(SharedData.dir("un-sc").resolve("UN_consolidated.xml")).entities();
        assertThat(SnapshotCodec.decode(EntityCodec.jsonSnapshot(un))).isEqualTo(un);
    }

    @Test
    void snapshotsInTheCountedFormAreStillRead() {
        List<ListEntity> un = UnConsolidatedImporter.read(SharedData.dir("un-sc").resolve("UN_consolidated.xml")).entities();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encodeCounted(un))).isEqualTo(un);
    }

    @Property(tries = 300)
    void anyEntitiesRoundTrip(@ForAll("entities") List<ListEntity> entities) {
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(entities))).isEqualTo(entities);
    }

    @Provide
    Arbitrary<List<ListEntity>> entities() {
        Arbitrary<String> s = Arbitraries.strings().ofMaxLength(20).withCharRange(' ', '\u07ff');
        Arbitrary<Alias> alias = Combinators.combine(s, Arbitraries.of(AliasStrength.class), s).as(Alias::new);
        Arbitrary<Address> addr = Combinators.combine(s, s, s, s).as(Address::new);
        Arbitrary<Identifier> id = Combinators.combine(s, s, s).as(Identifier::new);
        return Combinators.combine(s, s, Arbitraries.of(Schema.class), alias.list().ofMaxSize(4),
                        s.list().ofMaxSize(3), addr.list().ofMaxSize(2), id.list().ofMaxSize(2), s)
                .as((name, source, schema, aliases, strings, addrs, ids, remarks) -> new ListEntity("l:" + source,
                        "l", source, schema, name, aliases, strings, strings, strings, addrs, ids, remarks))
                .list().ofMaxSize(5);
    }
}
