package org.custody.ledger;

import java.time.LocalDate;
import java.util.Optional;
import org.custody.catalog.Category;

/** One delivered lot as seen by a query: what, how many, when, under which case, to which unit. */
public record DeliveredItem(String caseId, String supplier, String recipientCountry, Programme programme, String lotNo,
                            Optional<String> articleId, String designation, Category category, int quantity,
                            boolean quantityEstimated, Optional<LocalDate> deliveryDate, Optional<Integer> deliveryYear,
                            Optional<String> unitCode, long serials) {}
