package org.custody.evidence;

import java.util.List;
import java.util.Objects;

/**
 * A relation between an article (or "weapons" in general) and a holder, as one sentence states it.
 * {@code start}/{@code end} are the sentence's offsets in the document text.
 *
 * @param article      the article mention (null for claims that name no equipment, e.g. training)
 * @param holder       the actor who holds, uses, receives or is trained
 * @param attributedTo the outlet or person the sentence credits, else the document's own outlet
 * @param place        the place the sentence (or the one before it) names, null when none
 * @param date         the date the sentence names, null when none (readers fall back to publication)
 * @param serials      serial numbers the sentence gives
 * @param cues         the words that decided kind, stance and attribution (the claim's explanation)
 */
public record Claim(ClaimKind kind, Mention article, Mention holder, Stance stance, String attributedTo,
                    String sentence, int start, int end, Mention place, Mention date, List<String> serials,
                    List<String> cues) {
    public Claim {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(sentence, "sentence");
        serials = serials == null ? List.of() : List.copyOf(serials);
        cues = List.copyOf(cues);
    }
}
