package org.custody.names;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of the analysis chain: the input, its tokens, and the names of the steps that changed it
 * (so an explanation can say "script-to-latin, romanisation-variants" applied).
 */
public record AnalysedName(String input, List<NameToken> tokens, List<String> appliedSteps) {
    public AnalysedName {
        tokens = List.copyOf(tokens);
        appliedSteps = List.copyOf(appliedSteps);
    }

    /** The folded tokens joined by single spaces. */
    public String text() {
        return tokens.stream().map(NameToken::text).collect(Collectors.joining(" "));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
