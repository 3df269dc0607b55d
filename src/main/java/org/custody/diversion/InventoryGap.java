package org.custody.diversion;

import java.time.LocalDate;
import java.util.List;

/**
 * What the end-use inventories of one candidate delivery (lot) recorded: how many of its serials were
 * checked, which were last recorded NOT_SEEN or confirmed missing, and when the latest check was.
 *
 * @param transferId the candidate delivery ({@code case#lot})
 * @param checked    serials of the lot covered by at least one inventory
 * @param missing    serials last recorded NOT_SEEN with no later sighting, or confirmed missing
 * @param lastCheck  date of the latest inventory covering the lot (null when none)
 */
public record InventoryGap(String transferId, int serials, int checked, List<String> missing, LocalDate lastCheck) {
    public InventoryGap {
        missing = List.copyOf(missing);
    }
}
