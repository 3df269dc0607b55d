package org.custody.vetting;

import java.util.Objects;

/**
 * One directed edge of the vetting graph. Affiliations carry the source that asserts them and a note;
 * ledger edges (hierarchy, command posts) carry where they came from in the ledger as their source.
 */
public record Edge(NodeRef from, Relation relation, NodeRef to, String source, String note) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(to, "to");
        source = source == null ? "" : source;
        note = note == null ? "" : note;
    }
}
