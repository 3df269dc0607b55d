package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custody.lists.ListEntity;
import org.junit.jupiter.api.Test;

/** An engine restored from its snapshot answers every query exactly as the engine it was written from. */
class EngineSnapshotTest {

    private static byte[] snapshot(ScreeningEngine engine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            EngineSnapshot.write(engine, out);
        }
        return bytes.toByteArray();
    }

    private static ScreeningEngine restore(byte[] bytes, List<ListEntity> entities) throws IOException {
        return EngineSnapshot.read(new DataInputStream(new ByteArrayInputStream(bytes)), () -> entities,
                SdnFixture.ENGINE.listVersions(), ScreeningConfig.DEFAULT);
    }

    /** Listed names as written, with a letter dropped, and with their tokens in reverse order; plus other scripts. */
    private static List<String> queries() {
        List<String> out = new ArrayList<>(List.of("Kataib Hezbollah", "كتائب حزب الله", "Касем Сулеймани",
                "Abu Mahdi al-Mohandes", "Trading LLC", "Emma Daniels", "RA85534", "IRGC", "Ministry of Defence"));
        List<ListEntity> entities = SdnFixture.ENTITIES;
        for (int i = 0; i < entities.size(); i += 37) {
            String name = entities.get(i).primaryName();
            out.add(name);
            if (name.length() > 6) out.add(name.substring(0, name.length() / 2) + name.substring(name.length() / 2 + 1));
            List<String> tokens = new ArrayList<>(Arrays.asList(name.split(" ")));
            java.util.Collections.reverse(tokens);
            out.add(String.join(" ", tokens));
        }
        return out;
    }

    @Test
    void restoredEngineGivesTheSameHitsScoresAndExplanationsOnTheRealSdn() throws IOException {
        ScreeningEngine built = SdnFixture.ENGINE;
        ScreeningEngine restored = restore(snapshot(built), SdnFixture.ENTITIES);
        assertThat(restored.indexedNames()).isEqualTo(built.indexedNames());
        assertThat(restored.entityCount()).isEqualTo(built.entityCount());
        List<String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(1000);
        int withHits = 0;
        for (String q : queries) {
            ScreeningQuery query = new ScreeningQuery(q, null, 10, null, "1960", "Iran");
            ScreeningResult a = built.screen(query), b = restored.screen(query);
            assertThat(b.hits()).as(q).hasSameSizeAs(a.hits());
            for (int i = 0; i < a.hits().size(); i++) {
                Hit x = a.hits().get(i), y = b.hits().get(i);
                assertThat(y.entityId()).as(q).isEqualTo(x.entityId());
                assertThat(y.score()).as(q).isEqualTo(x.score());
                assertThat(y.alert()).as(q).isEqualTo(x.alert());
                assertThat(y.explanation()).as(q).isEqualTo(x.explanation());
            }
            if (!a.hits().isEmpty()) withHits++;
        }
        assertThat(withHits).isGreaterThan(queries.size() * 9 / 10);
        assertThat(restored.compare("Kataib Hezbollah", "KATA'IB HIZBALLAH", null))
                .isEqualTo(built.compare("Kataib Hezbollah", "KATA'IB HIZBALLAH", null));
    }

    @Test
    void carriesTheDeletionChannelSoARestoredEngineNeverBuildsItAndRefusesADamagedOne() throws IOException {
        ScreeningEngine built = SdnFixture.ENGINE;
        long[] entries = built.nearTerms().entries();
        byte[] bytes = snapshot(built);
        ScreeningEngine restored = restore(bytes, SdnFixture.ENTITIES);
        assertThat(restored.nearTerms().entries()).isNotSameAs(entries).isEqualTo(entries);
        // the channel is the snapshot's last section: its last entry naming a term beyond the vocabulary is refused
        byte[] damaged = bytes.clone();
        for (int i = damaged.length - 3; i < damaged.length; i++) damaged[i] = (byte) 0xff;
        assertThatThrownBy(() -> restore(damaged, SdnFixture.ENTITIES)).isInstanceOf(IOException.class)
                .hasMessageContaining("deletion channel");
    }

    @Test
    void refusesASnapshotOfOtherEntitiesOrAnotherFormat() throws IOException {
        byte[] bytes = snapshot(SdnFixture.ENGINE);
        List<ListEntity> fewer = SdnFixture.ENTITIES.subList(0, SdnFixture.ENTITIES.size() - 1);
        assertThatThrownBy(() -> restore(bytes, fewer)).isInstanceOf(IOException.class).hasMessageContaining("entities");
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertThatThrownBy(() -> restore(foreign, SdnFixture.ENTITIES)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a screening snapshot");
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> restore(cut, SdnFixture.ENTITIES)).isInstanceOf(IOException.class);
    }
}
