package org.custody.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim as stored, for readers such as diversion detection: the document and story it came from, how
 * its article and holder were resolved (ids null when unresolved), its stance and attribution, and the
 * origin under which it counts as an independent source.
 */
public record StoredClaim(String documentId, String storyId, LocalDate published, ClaimKind kind,
                          String articleText, String articleId, String articleName,
                          String holderText, String holderId, String holderName,
                          Stance stance, String attributedTo, String originKey,
                          String sentence, int start, int end, List<String> documentOrigins) {
    public StoredClaim {
        documentOrigins = List.copyOf(documentOrigins);
    }
}
