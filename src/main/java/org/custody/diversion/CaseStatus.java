package org.custody.diversion;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The states of a diversion case and the moves allowed between them:
 * <pre>
 *   open ──► under_review ──► confirmed
 *                  │ ▲  ├───► dismissed ──► under_review (reopened)
 *                  │ │  └───► referred ──► confirmed | dismissed | under_review
 * </pre>
 * Confirmed is final. No case is ever deleted: dismissed and referred cases stay, and can be reopened.
 */
public enum CaseStatus {
    OPEN, UNDER_REVIEW, CONFIRMED, DISMISSED, REFERRED;

    public Set<CaseStatus> allowedNext() {
        return switch (this) {
            case OPEN -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(CONFIRMED, DISMISSED, REFERRED);
            case REFERRED -> EnumSet.of(CONFIRMED, DISMISSED, UNDER_REVIEW);
            case DISMISSED -> EnumSet.of(UNDER_REVIEW);
            case CONFIRMED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus next) {
        return allowedNext().contains(next);
    }

    /** Throws with the allowed moves named when {@code next} is not one of them. */
    public void checkMove(CaseStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("a case cannot go from " + wire() + " to " + next.wire()
                    + (allowedNext().isEmpty() ? " (" + wire() + " is final)"
                    : " (allowed: " + String.join(", ", allowedNext().stream().map(CaseStatus::wire).toList()) + ")"));
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseStatus parse(String text) {
        for (CaseStatus s : values()) {
            if (s.wire().equals(text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'))) return s;
        }
        throw new IllegalArgumentException("case status must be one of open, under_review, confirmed, dismissed, "
                + "referred; got '" + text + "'");
    }
}
