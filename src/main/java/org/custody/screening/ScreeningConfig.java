package org.custody.screening;

/**
 * Tunable settings of the engine, each with its default and what it does.
 *
 * @param alertThreshold    a hit with score >= this is an alert (default chosen from the evaluation in
 *                          docs/benchmarks.md, section Screening)
 * @param candidates        how many candidate names the index hands to the full scorer per query
 * @param minTokenSimilarity two tokens below this similarity are not aligned at all
 * @param weakTokenFactor   weight of an organisation-type or function word relative to its rarity weight
 * @param specificNats      matched information (sum of rarity weights, in nats, relative to ln N) at which
 *                          a name counts as fully specific
 * @param model             the weighted features
 * @param termCacheSize     how many query tokens' similar vocabulary terms the engine remembers (0: none)
 */
public record ScreeningConfig(double alertThreshold, int candidates, double minTokenSimilarity,
                              double weakTokenFactor, double specificNats, ScoringModel model, int termCacheSize) {

    public static final double DEFAULT_ALERT_THRESHOLD = 0.90;

    public static final ScreeningConfig DEFAULT =
            new ScreeningConfig(DEFAULT_ALERT_THRESHOLD, 40, 0.70, 0.2, 1.0, ScoringModel.DEFAULT, 100_000);

    public ScreeningConfig {
        if (alertThreshold < 0 || alertThreshold > 1) throw new IllegalArgumentException("alertThreshold must be in 0..1");
        if (candidates <= 0) throw new IllegalArgumentException("candidates must be positive");
        if (model == null) throw new IllegalArgumentException("model is required");
        if (termCacheSize < 0) throw new IllegalArgumentException("termCacheSize must not be negative");
    }

    public ScreeningConfig withAlertThreshold(double t) {
        return new ScreeningConfig(t, candidates, minTokenSimilarity, weakTokenFactor, specificNats, model, termCacheSize);
    }

    public ScreeningConfig withCandidates(int k) {
        return new ScreeningConfig(alertThreshold, k, minTokenSimilarity, weakTokenFactor, specificNats, model, termCacheSize);
    }

    public ScreeningConfig withTermCacheSize(int size) {
        return new ScreeningConfig(alertThreshold, candidates, minTokenSimilarity, weakTokenFactor, specificNats, model, size);
    }
}
