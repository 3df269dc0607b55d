package org.custody.names;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.util.HashMap;
import java.util.Map;

/**
 * First step of the chain, against evasion: a name must screen the same however it was dressed up.
 * <ul>
 *   <li>terminal escape sequences (ESC [ ... final byte, ESC ] ... BEL/ST) are removed whole, so
 *       a colour code leaves no "31m" token behind; a lone ESC is removed alone;</li>
 *   <li>format and control characters (Unicode Cf, Cc) and every default-ignorable code point (zero-width
 *       space and joiners, soft hyphen, bidi marks and overrides, variation selectors, tag characters,
 *       Hangul fillers) are removed; the whitespace controls (tab, line breaks) become a space;</li>
 *   <li>in a word that mixes Latin letters with letters of another script, each non-Latin letter that is a
 *       confusable of a Latin letter (Cyrillic {@code а о с}, Greek {@code ο ν}) is folded to it, so
 *       "Оsama" with a Cyrillic O is "Osama". A word written wholly in another script is left for
 *       {@link ScriptTransliterator}.</li>
 * </ul>
 */
public final class InvisibleCharacterRemover implements AnalysisStep.TextStep {

    private static final char ESC = '\u001B';

    @Override public String name() { return "invisible-confusable"; }

    @Override public String apply(String text) {
        if (UnicodeNormalizer.isPrintableAscii(text)) return text;
        return foldConfusables(removeInvisible(text));
    }

    /** {@code text} without escape sequences and invisible characters (whitespace controls become spaces). */
    public static String removeInvisible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (cp == ESC) {
                i = afterEscape(text, i);
                continue;
            }
            i += Character.charCount(cp);
            if (isWhitespaceControl(cp)) {
                sb.append(' ');
            } else if (!isInvisible(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** True for a character that is not shown: control, format or default-ignorable (not the whitespace controls). */
    public static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        // below U+0100 the one default-ignorable code point (U+00AD soft hyphen) is a format character:
        // printing a Latin name need not set up ICU's character properties
        return type == Character.CONTROL || type == Character.FORMAT
                || cp >= 0x100 && UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    static boolean isWhitespaceControl(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0B || cp == '\f' || cp == 0x85;
    }

    /** The index after the escape sequence starting at {@code start} (ECMA-48 CSI or OSC). */
    private static int afterEscape(String s, int start) {
        int n = s.length();
        int i;
        if (start + 1 >= n) {
            return n;
        } else if (s.charAt(start + 1) == '[') {
            i = start + 2;
        } else if (s.charAt(start + 1) == ']') {                   // OSC: up to BEL or ESC \
            for (i = start + 2; i < n; i++) {
                if (s.charAt(i) == 0x07) return i + 1;
                if (s.charAt(i) == ESC && i + 1 < n && s.charAt(i + 1) == '\\') return i + 2;
            }
            return n;
        } else {
            return start + 1;    // a lone ESC: removed alone, so it can never swallow a letter of the name
        }
        while (i < n && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x3F) i++;   // parameter and intermediate bytes
        if (i < n && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x7E) i++;      // final byte
        return i;
    }

    /** Folds confusable letters of other scripts in words that also hold Latin letters. */
    static String foldConfusables(String text) {
        return foldConfusables(text, true);
    }

    /**
     * Folds every letter of another script that is a confusable of a basic Latin letter, in every word
     * ({@code onlyMixedWords} false) or only in words that also hold Latin letters.
     */
    static String foldConfusables(String text, boolean onlyMixedWords) {
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                if (out != null) out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            boolean latin = false;
            boolean other = false;
            while (end < n) {
                int c = text.codePointAt(end);
                if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) break;
                if (Character.isLetter(c)) {
                    int script = UScript.getScript(c);
                    if (script == UScript.LATIN) latin = true;
                    else if (script != UScript.COMMON && script != UScript.INHERITED) other = true;
                }
                end += Character.charCount(c);
            }
            String word = text.substring(i, end);
            if (other && (latin || !onlyMixedWords)) {
                if (out == null) out = new StringBuilder(n).append(text, 0, i);
                out.append(foldWord(word));
            } else if (out != null) {
                out.append(word);
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    private static String foldWord(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        word.codePoints().forEach(c -> {
            int script = UScript.getScript(c);
            if (Character.isLetter(c) && script != UScript.LATIN && script != UScript.COMMON) {
                String latin = Confusables.LATIN_BY_SKELETON.get(Confusables.SKELETONS.getSkeleton(new String(Character.toChars(c))));
                if (latin != null) {
                    // the letter of the same case when both cases share the skeleton (Cyrillic І and I, l)
                    char pick = latin.charAt(0);
                    for (int k = 0; k < latin.length(); k++) {
                        if (Character.isUpperCase(latin.charAt(k)) == Character.isUpperCase(c)) {
                            pick = latin.charAt(k);
                            break;
                        }
                    }
                    sb.append(pick);
                    return;
                }
            }
            sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    /**
     * ICU's confusable skeletons, set up on first use: a name in printable ASCII never needs them, so a cold
     * one-name screen of such a name does not load ICU's confusable data (see ScreeningEngine's compound words).
     */
    private static final class Confusables {
        static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();
        /** Skeleton → the basic Latin letters with that skeleton ("l" → "Il"). */
        static final Map<String, String> LATIN_BY_SKELETON = latinSkeletons();

        private static Map<String, String> latinSkeletons() {
            Map<String, String> m = new HashMap<>();
            for (char c = 'A'; c <= 'z'; c++) {
                if (!Character.isLetter(c)) continue;
                m.merge(SKELETONS.getSkeleton(String.valueOf(c)), String.valueOf(c), String::concat);
            }
            return Map.copyOf(m);
        }
    }
}
