package org.custody.diversion;

import java.util.List;
import java.util.Optional;

/** What detection reads from the transfer ledger (port; adapters load it from the ledger's tables). */
public interface LedgerView {

    /** Transfers whose article has this designation key (see {@link ArticleRef#key}). */
    List<CandidateTransfer> byDesignation(String designationKey);

    /** Transfers whose article is of this family key. */
    List<CandidateTransfer> byFamily(String familyKey);

    /** Transfers whose article is of this category key. */
    List<CandidateTransfer> byCategory(String categoryKey);

    /** The transfer that delivered this serial number, if any (decisive when found). */
    Optional<CandidateTransfer> bySerial(String serial);

    /** The ledger unit this actor is (resolved by id, else by exact name or alias), if any. */
    Optional<UnitRef> unitForActor(Actor actor);

    /** The country whose forces the unit belongs to (null when unknown). */
    String unitCountry(String unitId);

    /** Whether {@code unitId} is {@code ancestorId} or one of its sub-units, at any depth. */
    boolean isUnitOrSubUnit(String unitId, String ancestorId);
}
