package org.custody.names;

import java.util.Arrays;
import java.util.List;

/** Test helper: run one token step on a space-separated string and render the result. */
final class TokenSteps {
    private TokenSteps() { }

    static String run(AnalysisStep.TokenStep step, String in) {
        return run(step, in, false);
    }

    static String run(AnalysisStep.TokenStep step, String in, boolean abjad) {
        List<NameToken> toks = Arrays.stream(in.split(" ")).filter(s -> !s.isEmpty())
                .map(s -> NameToken.of(s, abjad)).toList();
        return String.join(" ", step.apply(toks).stream().map(t -> t.weak() ? "~" + t.text() : t.text()).toList());
    }
}
