package org.custody.screening;

/** The answer of {@code custody compare}: two names, one score, and why. */
public record Comparison(String name1, String name2, double score, boolean match, Explanation explanation) {}
