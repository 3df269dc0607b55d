package org.custody.vetting;

/** Whether a unit may receive a delivery on a date, and why. */
public sealed interface Clearance {

    String explanation();

    record Cleared(Decision decision, String explanation) implements Clearance {}

    record Refused(Refusal refusal, String explanation) implements Clearance {}

    enum Refusal { NEVER_VETTED, DENIED, RESTRICTED, EXPIRED, UNDER_REVIEW, COMMAND_CHANGED }

    default boolean cleared() {
        return this instanceof Cleared;
    }
}
