package org.custody.diversion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything detection established about one holder and one article before scoring: the claims, the
 * candidate deliveries and how they were found, the holder's standing and any designation.
 *
 * @param serialMatches   serial seen → transfer id, for serials that matched a delivered serial
 * @param totalCandidates how many deliveries matched before the list was cut to {@code candidates.max}
 * @param approvedVia     the approved end-user unit that makes the holder approved (null when not approved)
 * @param asOf            the date recency is measured from
 * @param identity        the holder's canonical identity (how the written name reached it)
 * @param inventory       the inventory record of each kept candidate delivery
 * @param statements      official statements and denials about the holder or its classes (context, not claims)
 */
public record Sighting(Actor holder, ArticleRef article, List<EvidenceClaim> claims,
                       List<CandidateTransfer> candidates, int totalCandidates, ArticleLevel level,
                       Map<String, String> serialMatches, Optional<UnitRef> holderUnit, HolderStatus holderStatus,
                       UnitRef approvedVia, Optional<Designation> designation, String countryNote,
                       LocalDate asOf, Identity identity, List<InventoryGap> inventory, List<Statement> statements) {

    public Sighting {
        inventory = inventory == null ? List.of() : List.copyOf(inventory);
        statements = statements == null ? List.of() : List.copyOf(statements);
        claims = List.copyOf(claims);
        candidates = List.copyOf(candidates);
        serialMatches = Map.copyOf(serialMatches);
    }
}
