package org.custody.names;

import java.util.List;

/**
 * One step of the name-analysis chain. Like Lucene's CharFilter/TokenFilter split: a {@link TextStep}
 * rewrites the whole string before tokenisation, a {@link TokenStep} rewrites the token list after it.
 */
public sealed interface AnalysisStep permits AnalysisStep.TextStep, AnalysisStep.TokenStep {

    /** Short stable name used in explanations ("unicode-nfkc", "titles"). */
    String name();

    /** Rewrites the whole name before tokenisation. */
    non-sealed interface TextStep extends AnalysisStep {
        String apply(String text);
    }

    /** Rewrites the token list; must never return an empty list for a non-empty input. */
    non-sealed interface TokenStep extends AnalysisStep {
        List<NameToken> apply(List<NameToken> tokens);
    }
}
