package org.custody.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A transfer case: what a supplier agreed to deliver to a recipient country, under which programme, to
 * which approved end-user units, on which end-use terms ("no re-transfer without consent", ...).
 */
public record Transfer(long id, String caseId, String supplier, String recipientCountry, Programme programme,
                       Optional<LocalDate> notificationDate, List<String> endUserUnitCodes, List<String> endUseTerms,
                       String source, String notes) {

    public Transfer {
        endUserUnitCodes = List.copyOf(endUserUnitCodes);
        endUseTerms = List.copyOf(endUseTerms);
    }
}
