package org.custody.vetting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What vetting needs to know about the world, as of a date: each node's names, and the edges leaving it
 * (a unit's parent, its commanders past and present, recorded affiliations). The store implements this
 * over the ledger's hierarchy and command posts and vetting's own affiliation table.
 */
public interface VettingGraph {

    Optional<Party> party(NodeRef ref);

    /** Every edge leaving {@code node} that holds at {@code asOf} (former command posts included). */
    List<Edge> edgesFrom(NodeRef node, LocalDate asOf);
}
