package org.custody.lists;

import java.util.List;
import java.util.Map;

/**
 * What a format importer reports about one list after streaming its entities to a consumer: everything
 * of a {@link ParsedList} except the entities themselves (and the content hash, which is over the files).
 *
 * @param listId      the list ("ofac-sdn", "ofac-cons", "un-sc", "opensanctions")
 * @param publishedAt the publisher's date for this content when the files carry one, else null
 * @param counts      what was read (entities, aliases, orphan rows, ...), for the import report
 * @param warnings    tolerated oddities worth telling the operator (orphan references, skipped records)
 */
public record ListSummary(String listId, String publishedAt, Map<String, Long> counts, List<String> warnings) {
    public ListSummary {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
    }

    /** The summary with the entities collected from the same stream: the whole list in memory. */
    public ParsedList withEntities(String contentHash, List<ListEntity> entities) {
        return new ParsedList(listId, publishedAt, contentHash, entities, counts, warnings);
    }
}
