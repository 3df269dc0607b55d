package org.custody.eum;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An inventory check: when, where, by whom, of which unit, and what was found item by item. */
public record InventoryCheck(LocalDate date, String place, Optional<Double> latitude, Optional<Double> longitude,
                             String inspector, Optional<String> unitCode, CheckKind kind, String notes,
                             List<Observation> observations) {

    public InventoryCheck {
        if (date == null) throw new IllegalArgumentException("check date is missing");
        if (place == null || place.isBlank()) throw new IllegalArgumentException("check place is empty");
        if (inspector == null || inspector.isBlank()) throw new IllegalArgumentException("check inspector is empty");
        if (latitude.isPresent() != longitude.isPresent()) {
            throw new IllegalArgumentException("give both latitude and longitude, or neither");
        }
        observations = List.copyOf(observations);
        if (observations.isEmpty()) throw new IllegalArgumentException("a check records at least one item");
        notes = notes == null ? "" : notes;
    }
}
