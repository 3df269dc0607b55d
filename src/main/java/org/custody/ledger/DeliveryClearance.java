package org.custody.ledger;

import java.time.LocalDate;

/**
 * The port the ledger consults before recording a delivery to a unit. Vetting provides the real
 * implementation (a unit that is denied, restricted or unvetted on the delivery date is refused).
 * A refused delivery is recorded only with an override carrying a written justification; the refusal
 * and the override are both kept.
 */
@FunctionalInterface
public interface DeliveryClearance {

    Clearance check(long unitId, LocalDate deliveryDate);
}
