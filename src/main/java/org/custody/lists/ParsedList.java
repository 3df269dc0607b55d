package org.custody.lists;

import java.util.List;
import java.util.Map;

/**
 * What a format importer read from one list's files, before it is stored as a version.
 *
 * @param listId      the list ("ofac-sdn", "ofac-cons", "un-sc", "opensanctions")
 * @param publishedAt the publisher's date for this content when the files carry one, else null
 * @param contentHash SHA-256 over the source files, so re-importing identical files is recognised
 * @param counts      what was read (entities, aliases, orphan rows, ...), for the import report
 * @param warnings    tolerated oddities worth telling the operator (orphan references, skipped records)
 */
public record ParsedList(String listId, String publishedAt, String contentHash, List<ListEntity> entities,
                         Map<String, Long> counts, List<String> warnings) {
    public ParsedList {
        entities = List.copyOf(entities);
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
    }
}
