package org.custody.store.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.SharedData;
import org.custody.lists.un.UnConsolidatedImporter;
import org.custody.screening.ScreeningConfig;
import org.custody.screening.ScreeningEngine;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persisted engine is used only when it is of the same code, database and list versions; never when damaged. */
class ScreeningCacheTest {

    static ParsedList un;
    static ListVersion version;
    static ScreeningEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        un = UnConsolidatedImporter.read(SharedData.dir("un-sc").resolve("UN_consolidated.xml"));
        version = new ListVersion("un-sc", 3, "2026-02-27", Instant.parse("2026-03-01T10:00:00Z"), un.contentHash(),
                un.entities().size(), "shared data");
        engine = ScreeningEngine.build(un.entities(), List.of(version));
    }

    private ScreeningCache saved() {
        ScreeningCache cache = new ScreeningCache(dir.resolve("cache").resolve("screening.bin"));
        cache.save(engine, un.entities(), "db-a");
        return cache;
    }

    @Test
    void restoresTheSameEngineForTheSameDatabaseAndVersions() {
        ScreeningCache cache = saved();
        for (List<ListVersion> current : java.util.Arrays.asList(List.of(version), null)) {
            ScreeningEngine restored = cache.load("db-a", current, ScreeningConfig.DEFAULT);
            assertThat(restored).isNotNull();
            assertThat(restored.listVersions()).containsExactly(version);
            assertThat(restored.entityCount()).isEqualTo(engine.entityCount());
            for (String q : List.of("Kataib Hezbollah", "Qassem Soleimani", "Abu Bakr al-Baghdadi", "Касем Сулеймани")) {
                ScreeningResult a = engine.screen(ScreeningQuery.of(q)), b = restored.screen(ScreeningQuery.of(q));
                assertThat(b.hits()).as(q).isEqualTo(a.hits());
            }
        }
    }

    @Test
    void ignoresItForAnotherDatabaseOrOtherListVersions() {
        ScreeningCache cache = saved();
        assertThat(cache.load("db-b", List.of(version), ScreeningConfig.DEFAULT)).isNull();
        ListVersion next = new ListVersion("un-sc", 4, "2026-03-01", Instant.now(), "other-hash", 1003, "x");
        assertThat(cache.load("db-a", List.of(next), ScreeningConfig.DEFAULT)).isNull();
        ListVersion sameNumberOtherContent = new ListVersion("un-sc", 3, "2026-02-27", version.importedAt(), "other-hash", 1003, "x");
        assertThat(cache.load("db-a", List.of(sameNumberOtherContent), ScreeningConfig.DEFAULT)).isNull();
        assertThat(cache.load("db-a", List.of(), ScreeningConfig.DEFAULT)).isNull();
    }

    @Test
    void keepsAProvenanceLongerThan64KilobytesWhole() {
        String source = longProvenance();
        ListVersion big = new ListVersion("un-sc", 5, null, version.importedAt(), un.contentHash(), un.entities().size(), source);
        ScreeningEngine withBig = ScreeningEngine.build(un.entities(), List.of(big));
        ScreeningCache cache = new ScreeningCache(dir.resolve("screening.bin"));
        cache.save(withBig, un.entities(), "db-a");
        ScreeningEngine restored = cache.load("db-a", List.of(big), ScreeningConfig.DEFAULT);
        assertThat(restored).isNotNull();
        assertThat(restored.listVersions()).containsExactly(big);
    }

    /** What a version imported from a thousand files records: each file's name, SHA-256 and length. */
    static String longProvenance() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            if (i > 0) s.append("; ");
            s.append("part-").append(i).append("-قائمة.xml sha256:").append("ab".repeat(32)).append(" (").append(1000 + i).append(" bytes)");
        }
        assertThat(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(65_535);
        return s.toString();
    }

    @Test
    void aDamagedFileIsIgnoredAndInvalidateRemovesIt() throws IOException {
        ScreeningCache cache = saved();
        byte[] bytes = Files.readAllBytes(cache.file());
        Files.write(cache.file(), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(cache.load("db-a", null, ScreeningConfig.DEFAULT)).isNull();
        cache.invalidate();
        assertThat(cache.file()).doesNotExist();
        assertThat(cache.load("db-a", null, ScreeningConfig.DEFAULT)).isNull();
        cache.invalidate();   // nothing to remove is fine
        try (var files = Files.list(cache.file().getParent())) {
            assertThat(files.toList()).as("no temporary file left behind").isEmpty();
        }
    }
}
