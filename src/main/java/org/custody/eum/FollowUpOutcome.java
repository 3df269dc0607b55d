package org.custody.eum;

/** The result of following up an item that a check did not account for. */
public enum FollowUpOutcome {
    /** Still being looked into. */
    PENDING,
    /** Found and seen: accounted for again. */
    LOCATED,
    /** Confirmed missing (lost, stolen, captured or diverted). */
    CONFIRMED_MISSING,
    /** Confirmed destroyed (with evidence). */
    CONFIRMED_DESTROYED,
    /** Reported to the authorities responsible (e.g. as a possible end-use violation). */
    REPORTED
}
