package org.custody.diversion;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An official statement or denial from the evidence that is about a holder, a class of holders (Shiite
 * militias, the PMF) or transfers in general, whether or not it names an article the ledger knows; shown
 * on the case it concerns and weighed as {@code docs/diversion-scoring.md} says.
 *
 * @param claimId      the evidence claim it was read from
 * @param about        the actor the statement is about, as written and resolved
 * @param stance       denied (a denial) or asserted/hedged (a statement)
 * @param attributedTo who said it (null when the text does not say)
 */
public record Statement(String claimId, String documentId, Actor about, Stance stance, String attributedTo,
                        String sentence, LocalDate date) {
    public Statement {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(stance, "stance");
    }
}
