package org.custody.screening;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;

/** The real OFAC SDN list from the shared data folder, imported once, and an engine over it. */
final class SdnFixture {
    private SdnFixture() { }

    static final ListVersion VERSION;
    static final ScreeningEngine ENGINE;
    static final List<ListEntity> ENTITIES;

    static {
        String base = System.getenv().getOrDefault("CUSTODY_SHARED_DATA", "../shared/data");
        ParsedList list = OfacCsvImporter.read(OfacCsvSet.inFolder(Path.of(base, "ofac-sdn")).orElseThrow());
        VERSION = new ListVersion("ofac-sdn", 1, "2024-05-03", Instant.EPOCH, list.contentHash(),
                list.entities().size(), "shared data");
        ENTITIES = list.entities();
        ENGINE = ScreeningEngine.build(ENTITIES, List.of(VERSION));
    }
}
