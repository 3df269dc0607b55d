package org.custody.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custody.lists.ListEntity;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.lists.un.UnConsolidatedImporter;

/** The lists bundled with Custody (data/lists: OFAC SDN CSV set and the UN consolidated XML), read once. */
final class BundledLists {
    private BundledLists() { }

    static final List<ListEntity> OFAC = OfacCsvImporter.read(
            OfacCsvSet.inFolder(Path.of("data/lists/ofac-sdn")).orElseThrow()).entities();
    static final List<ListEntity> UN = UnConsolidatedImporter.read(Path.of("data/lists/un-sc/consolidated.xml")).entities();
    static final List<ListEntity> ALL;
    static final ScreeningEngine ENGINE;

    static {
        List<ListEntity> all = new ArrayList<>(OFAC);
        all.addAll(UN);
        ALL = List.copyOf(all);
        ENGINE = ScreeningEngine.build(ALL, List.of());
    }
}
