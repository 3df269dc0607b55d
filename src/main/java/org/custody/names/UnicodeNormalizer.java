package org.custody.names;

import java.text.Normalizer;

/** Unicode NFKC: compatibility forms (full-width letters, ligatures, presentation forms) to plain ones. */
public final class UnicodeNormalizer implements AnalysisStep.TextStep {
    @Override public String name() { return "unicode-nfkc"; }

    @Override public String apply(String text) {
        if (isPrintableAscii(text)) return text;                 // NFKC leaves ASCII alone: skip the work
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) return false;
        }
        return true;
    }
}
