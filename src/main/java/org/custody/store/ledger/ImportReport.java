package org.custody.store.ledger;

import java.util.List;

/** What one ledger import recorded, including each delivery recorded over a clearance refusal. */
public record ImportReport(String source, int units, int persons, int posts, int transfers, int lots, long serials,
                           List<Override> overrides) {

    /** A refused delivery recorded anyway: the refusal and the written justification. */
    public record Override(String caseId, String lotNo, String unitCode, String refusal, String justification) {}

    public ImportReport {
        overrides = List.copyOf(overrides);
    }

    public String summary() {
        return "%s: %d units, %d persons, %d posts, %d transfers, %d lots, %d serials, %d override(s)".formatted(
                source, units, persons, posts, transfers, lots, serials, overrides.size());
    }
}
