package org.custody.diversion;

import java.time.LocalDate;
import java.util.List;

/**
 * A ledger delivery an article seen in the evidence may have come from.
 *
 * @param transferId       the ledger's transfer id
 * @param caseRef          the transfer's case identifier (e.g. an FMS case), for display
 * @param programme        programme or funding authority
 * @param recipientCountry recipient country
 * @param deliveryDate     first delivery date (null when unknown: never excluded by the time window)
 * @param article          the delivered article
 * @param approvedEndUsers the approved end-user units
 * @param noReTransfer     whether the end-use terms bar re-transfer without consent
 * @param quantity         delivered quantity
 */
public record CandidateTransfer(String transferId, String caseRef, String programme, String recipientCountry,
                                LocalDate deliveryDate, ArticleRef article, List<UnitRef> approvedEndUsers,
                                boolean noReTransfer, int quantity) {

    public CandidateTransfer {
        approvedEndUsers = List.copyOf(approvedEndUsers);
    }
}
