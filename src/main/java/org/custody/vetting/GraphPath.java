package org.custody.vetting;

import java.util.ArrayList;
import java.util.List;

/**
 * How the vetting walk reached a node from the subject: the parties in order and the edges between them
 * ({@code parties.size() == edges.size() + 1}). Rendered as
 * {@code Brigade 45 --part_of--> Kata'ib Hizballah}.
 */
public record GraphPath(List<Party> parties, List<Edge> edges) {
    public GraphPath {
        parties = List.copyOf(parties);
        edges = List.copyOf(edges);
        if (parties.isEmpty() || parties.size() != edges.size() + 1) {
            throw new IllegalArgumentException("a path has one more party than edges");
        }
    }

    public static GraphPath start(Party subject) {
        return new GraphPath(List.of(subject), List.of());
    }

    public GraphPath then(Edge edge, Party next) {
        List<Party> p = new ArrayList<>(parties);
        p.add(next);
        List<Edge> e = new ArrayList<>(edges);
        e.add(edge);
        return new GraphPath(p, e);
    }

    public Party end() {
        return parties.get(parties.size() - 1);
    }

    public int length() {
        return edges.size();
    }

    public boolean visits(NodeRef ref) {
        return parties.stream().anyMatch(p -> p.ref().equals(ref));
    }

    public String render() {
        StringBuilder sb = new StringBuilder(parties.get(0).name());
        for (int i = 0; i < edges.size(); i++) {
            sb.append(" --").append(edges.get(i).relation().label()).append("--> ").append(parties.get(i + 1).name());
        }
        return sb.toString();
    }

    /** The sources of every recorded affiliation on the path, for the explanation. */
    public List<String> sources() {
        return edges.stream().filter(e -> !e.source().isBlank())
                .map(e -> e.relation().label() + ": " + e.source() + (e.note().isBlank() ? "" : " (" + e.note() + ")"))
                .toList();
    }
}
