package org.custody.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * A claim as stored, for readers such as diversion detection: its id ({@code documentId#seq}), the
 * document and story it came from, how its article (designation/family/category from the catalogue) and
 * holder were resolved (ids null when unresolved), where and when (the sentence's place and date; date
 * falls back to publication), serial numbers, stance, attribution, and the origin under which it counts as
 * an independent source.
 */
public record StoredClaim(String claimId, String documentId, String storyId, LocalDate published, ClaimKind kind,
                          String articleText, String articleId, String articleName,
                          String articleDesignation, String articleFamily, String articleCategory,
                          String holderText, String holderId, String holderName,
                          String placeName, String placeId, Double latitude, Double longitude, String country,
                          LocalDate date, List<String> serials,
                          Stance stance, String attributedTo, String originKey,
                          String sentence, int start, int end, List<String> documentOrigins) {
    public StoredClaim {
        serials = serials == null ? List.of() : List.copyOf(serials);
        documentOrigins = List.copyOf(documentOrigins);
    }
}
