package org.custody.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custody.eum.ItemEvent;

/**
 * Where a serial number is supposed to be: for each recorded item carrying it (a serial may exist for
 * several articles), the transfer, the lot, the unit it was delivered to with that unit's chain of
 * parents, the delivery's clearance, and every later inventory sighting and follow-up.
 */
public record CustodyChain(String query, String key, List<Item> items) {

    public CustodyChain {
        items = List.copyOf(items);
    }

    public record Item(long serialId, String serial, String articleId, String designation, boolean enhancedMonitoring,
                       String caseId, String supplier, String recipientCountry, Programme programme,
                       List<String> endUseTerms, String lotNo, Optional<LocalDate> deliveryDate,
                       Optional<String> unitCode, Optional<String> unitName, List<String> unitParents,
                       Optional<String> clearance, List<ItemEvent> events) {

        public Item {
            endUseTerms = List.copyOf(endUseTerms);
            unitParents = List.copyOf(unitParents);
            events = List.copyOf(events);
        }

        /** One line: supposed location and the latest news. */
        public String summary() {
            String where = unitCode.map(u -> unitName.orElse(u) + " [" + u + "]"
                    + (unitParents.isEmpty() ? "" : " under " + String.join(" < ", unitParents)))
                    .orElse(recipientCountry + " (no unit recorded)");
            String last = events.isEmpty() ? "no inventory sighting recorded"
                    : "last event " + events.get(events.size() - 1).date() + ": " + describe(events.get(events.size() - 1));
            return designation + " serial " + serial + ": case " + caseId + " lot " + lotNo + ", delivered "
                    + deliveryDate.map(LocalDate::toString).orElse("(date unknown)") + " to " + where + "; " + last;
        }

        private static String describe(ItemEvent e) {
            return switch (e) {
                case ItemEvent.Observed o -> o.status() + " at " + o.place() + " by " + o.inspector();
                case ItemEvent.FollowedUp f -> "follow-up " + f.outcome() + " (" + f.note() + ")";
            };
        }
    }
}
