package org.custody.eum;

/** Where an item stands for end-use monitoring on a given day. */
public enum ItemState {
    /** Seen (or seen damaged) within the verification interval. */
    VERIFIED,
    /** Delivered recently, first check not yet due. */
    NOT_YET_DUE,
    /** Not verified within the interval (or never, and the first check is overdue). */
    DELINQUENT,
    /** Last reported not seen, with no later sighting or confirmation: unaccounted for. */
    UNACCOUNTED,
    /** Confirmed missing by follow-up. */
    MISSING,
    /** Reported destroyed with evidence. */
    DESTROYED
}
