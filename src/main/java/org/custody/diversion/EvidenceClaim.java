package org.custody.diversion;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One stored claim from the evidence intake, in the shape detection needs.
 *
 * @param claimId     the evidence store's claim id
 * @param kind        possession, use, transfer, supply or training
 * @param article     the article as resolved against the catalogue
 * @param holder      the actor said to hold or use the article
 * @param serial      a serial number seen in the source, or null
 * @param place       the place name as resolved (null when none)
 * @param coordinates the place's coordinates (null when unresolved)
 * @param country     ISO country name or code of the place (null when unknown)
 * @param date        the date the claim is about (null when unknown)
 * @param stance      asserted, hedged or denied
 * @param origins     the independent origins behind the claim's document (story grouping); a syndicated
 *                    copy of a wire story shares the wire's origin
 * @param storyId     the story the document belongs to (null when ungrouped)
 * @param documentId  the document the claim came from
 * @param sentence    the sentence the claim was read from
 * @param attributedTo who the text credits (null when nobody)
 */
public record EvidenceClaim(String claimId, ClaimKind kind, ArticleRef article, Actor holder, String serial,
                            String place, GeoPoint coordinates, String country, LocalDate date, Stance stance,
                            Set<String> origins, String storyId, String documentId, String sentence,
                            String attributedTo) {

    public EvidenceClaim {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(stance, "stance");
        origins = origins == null || origins.isEmpty()
                ? Set.of("document:" + Objects.requireNonNullElse(documentId, claimId))
                : Set.copyOf(origins);
        if (serial != null && serial.isBlank()) serial = null;
    }
}
