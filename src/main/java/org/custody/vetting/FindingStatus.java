package org.custody.vetting;

import java.util.Optional;

/** Where a finding stands with reviewers: open, dismissed as a false positive, or revived. */
public sealed interface FindingStatus {

    String label();

    record Open() implements FindingStatus {
        public String label() {
            return "open";
        }
    }

    /** Dismissed, and the listed entry is unchanged since. */
    record Dismissed(Dismissal dismissal) implements FindingStatus {
        public String label() {
            return "dismissed";
        }
    }

    /** Dismissed once, but the listed entry has changed since, so the dismissal no longer holds. */
    record Revived(Dismissal dismissal, String currentFingerprint) implements FindingStatus {
        public String label() {
            return "revived";
        }
    }

    default boolean undismissed() {
        return !(this instanceof Dismissed);
    }

    static FindingStatus of(String currentFingerprint, Optional<Dismissal> latest) {
        if (latest.isEmpty()) return new Open();
        Dismissal d = latest.get();
        return d.holdsFor(currentFingerprint) ? new Dismissed(d) : new Revived(d, currentFingerprint);
    }
}
