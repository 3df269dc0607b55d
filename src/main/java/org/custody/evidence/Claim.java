package org.custody.evidence;

import java.util.List;
import java.util.Objects;

/**
 * A relation between an article (or "weapons" in general) and a holder, as one sentence states it.
 * {@code start}/{@code end} are the sentence's offsets in the document text.
 *
 * @param article      the article mention (null for training claims that name no equipment)
 * @param holder       the actor who holds, uses, receives or is trained
 * @param attributedTo the outlet or person the sentence credits, else the document's own outlet
 * @param cues         the words that decided kind, stance and attribution (the claim's explanation)
 */
public record Claim(ClaimKind kind, Mention article, Mention holder, Stance stance, String attributedTo,
                    String sentence, int start, int end, List<String> cues) {
    public Claim {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(sentence, "sentence");
        cues = List.copyOf(cues);
    }
}
