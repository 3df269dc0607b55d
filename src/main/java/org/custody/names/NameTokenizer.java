package org.custody.names;

import java.util.ArrayList;
import java.util.List;

/** Splits on everything that is not a letter or digit (spaces, hyphens, dots, commas, brackets). */
public final class NameTokenizer {
    public List<NameToken> tokenize(String text, boolean abjad) {
        List<NameToken> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) start = i;
            else if (!word && start >= 0) {
                out.add(NameToken.of(text.substring(start, i), abjad));
                start = -1;
            }
        }
        return out;
    }
}
