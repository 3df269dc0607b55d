package org.custody.eum;

/** Routine end-use monitoring, an enhanced (serial-number) inventory, or a follow-up visit. */
public enum CheckKind {
    ROUTINE, ENHANCED, FOLLOW_UP
}
