package org.custody.eum;

/** What an inventory check found for one serialised item. */
public enum ObservationStatus {
    /** Physically seen, serial number read. */
    SEEN,
    /** Expected but not presented or not found. */
    NOT_SEEN,
    /** Seen, damaged (still accounted for). */
    DAMAGED,
    /** Reported destroyed (needs an evidence note). */
    DESTROYED;

    /** Whether this observation verifies the item's presence. */
    public boolean verifies() {
        return this == SEEN || this == DAMAGED;
    }
}
