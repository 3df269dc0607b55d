package org.custody.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One item a structured input states outright (a field report's {@code items} entry): what was seen, how
 * many, its serial numbers, where (with coordinates when given) and when, and who holds it when the input
 * names a holder explicitly. Analysis turns each item into a sighting claim without reading prose for it.
 *
 * @param source   where in the input the item sits ("field report FR-1, observations[0].items[1]"), for explanations
 * @param holder   the explicit {@code holder} field (null: the holder is read from the report's title, summary and
 *                 observation text)
 * @param line     the item's line as it appears in the document text (to place the claim's offsets)
 */
public record StructuredItem(String source, String description, Integer quantity, List<String> serials, String place,
                             Double latitude, Double longitude, LocalDate observed, String holder, String line) {
    public StructuredItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(description, "description");
        serials = serials == null ? List.of() : List.copyOf(serials);
    }
}
