package org.custody.evidence.intake;

import java.text.Normalizer;

/**
 * The one normalisation every document's text goes through before any offset is computed: Unicode NFC,
 * line ends to {@code \n}, control characters (other than newline and tab) and the byte-order mark
 * removed, non-breaking spaces to spaces, trailing spaces cut and runs of blank lines collapsed.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    public static String normalize(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        int newlines = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') continue;
                c = '\n';
            }
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\f' || c == '\u000B') c = ' ';
            if (c == '\uFEFF' || c == '\u200B') continue;
            if (c < 0x20 && c != '\n' && c != '\t') continue;
            if (c >= 0x7F && c < 0xA0) continue;
            if (c == '\n') {
                while (out.length() > 0 && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                    out.setLength(out.length() - 1);
                }
                newlines++;
                if (newlines > 2) continue;
                if (out.length() == 0) continue;
            } else {
                newlines = 0;
            }
            out.append(c);
        }
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) start++;
        return out.substring(start, end);
    }
}
