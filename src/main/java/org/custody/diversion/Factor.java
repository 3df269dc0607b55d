package org.custody.diversion;

/**
 * One feature's part in a score.
 *
 * @param name         the feature's name (stable; see {@code docs/diversion-scoring.md})
 * @param value        the feature value in [0, 1]
 * @param weight       the configured weight
 * @param contribution weight × value / sum of all weights: what this factor adds to the score
 * @param share        contribution / score: the factor's share of the score (0 when the score is 0)
 * @param explanation  why the value is what it is, in words
 */
public record Factor(String name, double value, double weight, double contribution, double share,
                     String explanation) {}
