package org.custody.eum;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The facts about one serialised item that monitoring figures are computed from. */
public record ItemHistory(long serialId, String serial, String articleId, String designation, boolean enhancedMonitoring,
                          String caseId, Optional<String> unitCode, Optional<LocalDate> deliveryDate,
                          List<ItemEvent> events) {

    public ItemHistory {
        events = events.stream().sorted(Comparator.comparing(ItemEvent::date).thenComparing(
                e -> e instanceof ItemEvent.FollowedUp ? 1 : 0)).toList();
    }
}
