package org.custody.evidence;

import java.util.List;

/**
 * How many independent origins assert (or hedge, or deny) one relation (kind, holder, article): documents
 * that share an origin count once.
 */
public record Corroboration(ClaimKind kind, String holderId, String holderName, String articleId, String articleName,
                            int documents, int assertingOrigins, int hedgingOrigins, int denyingOrigins,
                            List<String> origins) {
    public Corroboration {
        origins = List.copyOf(origins);
    }
}
