package org.custody.vetting;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Breadth-first walk from a vetting subject through the graph: parents and their affiliations, the
 * subject's commanders and theirs, the organisations those are part of or backed by. Each node is reached
 * once, by its shortest path (so cycles end the walk, not loop it); the walk stops at the depth and node
 * limits. Command edges are followed only from the subject itself: a parent's commanders are not the
 * subject's.
 */
public final class GraphWalk {

    private GraphWalk() {}

    /** Every node reached, the subject first, each with the path it was reached by. */
    public static Walked walk(VettingGraph graph, NodeRef subject, LocalDate asOf, WalkPolicy policy) {
        Party start = graph.party(subject)
                .orElseThrow(() -> new IllegalArgumentException("no " + subject.kind() + " with id " + subject.id()));
        List<GraphPath> reached = new ArrayList<>();
        Set<NodeRef> seen = new HashSet<>();
        Deque<GraphPath> queue = new ArrayDeque<>();
        queue.add(GraphPath.start(start));
        seen.add(subject);
        boolean truncated = false;
        while (!queue.isEmpty()) {
            GraphPath path = queue.poll();
            reached.add(path);
            if (path.length() >= policy.maxDepth()) continue;
            boolean atSubject = path.length() == 0;
            for (Edge edge : graph.edgesFrom(path.end().ref(), asOf)) {
                if (!follows(edge.relation(), atSubject, policy)) continue;
                if (seen.contains(edge.to())) continue;
                if (seen.size() >= policy.maxNodes()) {
                    truncated = true;
                    break;
                }
                Optional<Party> next = graph.party(edge.to());
                if (next.isEmpty()) continue;
                seen.add(edge.to());
                queue.add(path.then(edge, next.get()));
            }
        }
        return new Walked(reached, truncated);
    }

    private static boolean follows(Relation r, boolean atSubject, WalkPolicy policy) {
        return switch (r) {
            case COMMANDED_BY -> atSubject;
            case FORMERLY_COMMANDED_BY -> atSubject && policy.includeFormerCommanders();
            default -> true;
        };
    }

    /** The walk's result; {@code truncated} says the node limit cut it short. */
    public record Walked(List<GraphPath> paths, boolean truncated) {
        public Walked {
            paths = List.copyOf(paths);
        }
    }
}
