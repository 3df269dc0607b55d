package org.custody.vetting;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custody.lists.ListEntity;

/**
 * Listed entries held in memory (the entities a screening engine was built from); fingerprints are
 * computed on first use and kept.
 */
public final class InMemoryListedEntries implements ListedEntries {

    private final Map<String, ListEntity> byId = new HashMap<>();
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    public InMemoryListedEntries(Collection<ListEntity> entities) {
        for (ListEntity e : entities) byId.put(e.id(), e);
    }

    @Override
    public Map<String, String> fingerprints(Collection<String> entityIds) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : entityIds) {
            ListEntity e = byId.get(id);
            if (e != null) out.put(id, fingerprints.computeIfAbsent(id, k -> EntityFingerprint.of(e)));
        }
        return out;
    }
}
