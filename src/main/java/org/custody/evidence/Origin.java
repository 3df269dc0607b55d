package org.custody.evidence;

import java.util.List;

/**
 * Where a document's reporting comes from. {@code credited} origins are outlets the text credits
 * ("Bloomberg reports", "the Los Angeles Times has learned"); when none is credited the document's own
 * outlet is its origin.
 */
public record Origin(String outlet, List<String> reporters, boolean credited) {
    public Origin {
        reporters = List.copyOf(reporters);
    }

    /** The key under which independent sources are counted. */
    public String key() {
        return outlet.toLowerCase(java.util.Locale.ROOT).replaceAll("^the\\s+", "");
    }
}
