package org.custody.eum;

import java.time.LocalDate;

/** Something that happened to a serialised item after delivery: an observation or a follow-up. */
public sealed interface ItemEvent {

    LocalDate date();

    String note();

    record Observed(LocalDate date, long checkId, String place, String inspector, ObservationStatus status,
                    String note) implements ItemEvent {}

    record FollowedUp(LocalDate date, long followUpId, FollowUpOutcome outcome, String note) implements ItemEvent {}
}
