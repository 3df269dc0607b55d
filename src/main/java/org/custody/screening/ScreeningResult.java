package org.custody.screening;

import java.util.List;
import org.custody.lists.ListVersion;

/** Hits best first, and the list versions the answer was computed from (for the record). */
public record ScreeningResult(String query, List<Hit> hits, List<ListVersion> listVersions) {
    public ScreeningResult {
        hits = List.copyOf(hits);
        listVersions = List.copyOf(listVersions);
    }

    public List<Hit> alerts() {
        return hits.stream().filter(Hit::alert).toList();
    }
}
