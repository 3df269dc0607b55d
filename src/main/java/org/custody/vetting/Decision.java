package org.custody.vetting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A vetting officer's decision on a request: outcome, reason, expiry, and the command roster (person ids)
 * the subject had at the decision, so a later change of commander is seen.
 */
public record Decision(long id, long requestId, NodeRef subject, Outcome outcome, String reason,
                       LocalDate expires, String officer, Instant decidedAt, Set<Long> roster) {
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(expires, "expires");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a decision needs a reason");
        roster = Set.copyOf(roster);
    }

    public boolean expiredOn(LocalDate date) {
        return date.isAfter(expires);
    }
}
