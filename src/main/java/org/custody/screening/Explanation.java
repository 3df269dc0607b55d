package org.custody.screening;

import java.util.List;

/**
 * Why a score is what it is: the alias that matched, each token's partner, the weighted features that
 * make up the score, and the normalisation steps that changed either name.
 */
public record Explanation(String matchedAlias, String aliasStrength, List<TokenMatch> tokens,
                          List<FeatureScore> features, List<String> normalisations, String summary) {
    public Explanation {
        tokens = List.copyOf(tokens);
        features = List.copyOf(features);
        normalisations = List.copyOf(normalisations);
    }

    /** A query token, the listed token it was aligned with (null when unmatched), similarity and weight. */
    public record TokenMatch(String queryToken, String listedToken, double similarity, double weight, String how) {}

    /** One named, weighted feature of the score (nomenklatura-style), with its contribution. */
    public record FeatureScore(String name, double value, double weight, String explanation) {}
}
