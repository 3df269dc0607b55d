package org.custody.store.vetting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.ParsedList;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.screening.ScreeningEngine;
import org.custody.vetting.InMemoryListedEntries;

/**
 * The real OFAC SDN sets from the shared data folder, read once per JVM through the OFAC importer, each
 * with a screening engine built on it. {@link #changed} derives a "next version" in which one entry's
 * content differs, as a list update would.
 */
final class SdnLists {

    record Loaded(List<ListEntity> entities, ScreeningEngine engine, InMemoryListedEntries entries) {}

    private static final Map<String, Loaded> CACHE = new HashMap<>();

    private SdnLists() {}

    static Path shared() {
        String env = System.getenv("CUSTODY_SHARED_DATA");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        if (!Files.isDirectory(p)) throw new IllegalStateException("shared data folder not found at " + p.toAbsolutePath());
        return p;
    }

    /** "ofac-sdn" (2024-05) or "ofac-sdn-2021-07". */
    static synchronized Loaded load(String folder) {
        return CACHE.computeIfAbsent(folder, f -> {
            ParsedList parsed = OfacCsvImporter.read(OfacCsvSet.inFolder(shared().resolve(f)).orElseThrow());
            return build(parsed.entities(), new ListVersion(parsed.listId(), 1, parsed.publishedAt(), Instant.now(),
                    parsed.contentHash(), parsed.entities().size(), f));
        });
    }

    static Loaded build(List<ListEntity> entities, ListVersion version) {
        return new Loaded(entities, ScreeningEngine.build(entities, List.of(version)), new InMemoryListedEntries(entities));
    }

    /** The same list with entity {@code id} rewritten by {@code change}, as version 2. */
    static Loaded changed(Loaded base, String id, UnaryOperator<ListEntity> change) {
        List<ListEntity> next = new ArrayList<>(base.entities().size());
        boolean found = false;
        for (ListEntity e : base.entities()) {
            if (e.id().equals(id)) {
                next.add(change.apply(e));
                found = true;
            } else {
                next.add(e);
            }
        }
        if (!found) throw new IllegalArgumentException(id + " is not in the list");
        ListVersion v = base.engine().listVersions().get(0);
        return build(next, new ListVersion(v.listId(), v.version() + 1, v.publishedAt(), Instant.now(),
                "changed-" + v.contentHash(), next.size(), v.source()));
    }
}
