package org.custody.screening;

import java.util.List;
import org.custody.lists.Schema;

/** One listed entity that resembles the query, with the score's reasons. */
public record Hit(String entityId, String name, Schema schema, List<String> lists,
                  double score, boolean alert, Explanation explanation) {
    public Hit {
        lists = List.copyOf(lists);
    }
}
