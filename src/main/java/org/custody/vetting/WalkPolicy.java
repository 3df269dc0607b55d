package org.custody.vetting;

/**
 * Limits of the walk from a vetting subject. {@code maxDepth} counts edges (a battalion's division is 2
 * away, the division's sponsor 3); {@code maxNodes} stops a dense affiliation graph from exploding;
 * former commanders are screened too unless {@code includeFormerCommanders} is false.
 */
public record WalkPolicy(int maxDepth, int maxNodes, boolean includeFormerCommanders) {
    public WalkPolicy {
        if (maxDepth < 0) throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        if (maxNodes < 1) throw new IllegalArgumentException("maxNodes must be >= 1, got " + maxNodes);
    }

    public static WalkPolicy defaults() {
        return new WalkPolicy(6, 1000, true);
    }
}
