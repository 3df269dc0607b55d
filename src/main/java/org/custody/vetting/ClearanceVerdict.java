package org.custody.vetting;

/** Whether a unit may receive a delivery on a date, and why. */
public sealed interface ClearanceVerdict {

    String explanation();

    record Cleared(Decision decision, String explanation) implements ClearanceVerdict {}

    record Refused(Refusal refusal, String explanation) implements ClearanceVerdict {}

    enum Refusal { NEVER_VETTED, DENIED, RESTRICTED, EXPIRED, UNDER_REVIEW, COMMAND_CHANGED }

    default boolean cleared() {
        return this instanceof Cleared;
    }
}
