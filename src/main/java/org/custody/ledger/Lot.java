package org.custody.ledger;

import java.time.LocalDate;
import java.util.Optional;
import org.custody.catalog.Category;

/**
 * A delivered lot: {@code quantity} of one article delivered on a date (or only in a year, for coarse
 * sources) to a unit (empty for country-level records such as SIPRI's). {@code designation} is the
 * text the source used; {@code articleId} the catalogue article it resolved to.
 */
public record Lot(long id, long transferId, String lotNo, Optional<String> articleId, String designation,
                  Category category, int quantity, boolean quantityEstimated, Optional<LocalDate> deliveryDate,
                  Optional<Integer> deliveryYear, Optional<Long> unitId) {}
