package org.custody.ledger;

/**
 * Whether a delivery to a unit on a date is allowed. {@link Refused} carries the reason in words
 * (e.g. "unit denied by vetting decision 12 on 2025-03-01: ..."), shown to the user and kept.
 */
public sealed interface Clearance {

    record Cleared(String basis) implements Clearance {}

    record Refused(String reason) implements Clearance {
        public Refused {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a refusal needs a reason");
        }
    }
}
