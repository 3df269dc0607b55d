package org.custody.names;

import java.text.Normalizer;

/** Unicode NFKC: compatibility forms (full-width letters, ligatures, presentation forms) to plain ones. */
public final class UnicodeNormalizer implements AnalysisStep.TextStep {
    @Override public String name() { return "unicode-nfkc"; }

    @Override public String apply(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
