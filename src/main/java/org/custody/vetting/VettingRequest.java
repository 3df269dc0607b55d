package org.custody.vetting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request to vet a unit or person for a purpose, as of a date (the date command posts are read at).
 * A request Custody opened itself ({@code requeued}) carries in {@code note} why the subject was put back
 * in the queue: a change of commander, a new hit after a list update.
 */
public record VettingRequest(long id, NodeRef subject, Purpose purpose, LocalDate asOf, String requestedBy,
                             Instant requestedAt, Status status, boolean requeued, String note) {
    public enum Status { PENDING, DECIDED }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
