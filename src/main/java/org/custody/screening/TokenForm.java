package org.custody.screening;

import java.util.List;
import org.custody.names.NameToken;
import org.custody.names.RomanisationFolder;

/**
 * A non-weak token prepared once for many comparisons: its folded text, consonant skeleton and letter
 * multiset. The letter multiset is packed into three words, word k holding a bit for each symbol that
 * occurs more than k times, so the letters two tokens share (up to three of each) cost three popcounts.
 * That count bounds every similarity {@link TokenSimilarity} computes from spelling, which lets the index
 * skip pairs that cannot reach the minimum without computing them.
 */
record TokenForm(String text, String skeleton, boolean abjad, long letters0, long letters1, long letters2,
                 boolean manyRepeats) {

    static TokenForm of(String text, boolean abjad) {
        return of(text, RomanisationFolder.skeleton(text), abjad);
    }

    static TokenForm of(String text, String skeleton, boolean abjad) {
        long w0 = 0, w1 = 0, w2 = 0;
        boolean many = false;
        for (int i = 0; i < text.length(); i++) {
            long bit = 1L << symbol(text.charAt(i));
            if ((w0 & bit) == 0) w0 |= bit;
            else if ((w1 & bit) == 0) w1 |= bit;
            else if ((w2 & bit) == 0) w2 |= bit;
            else many = true;                      // a fourth occurrence: the packed count would undercount
        }
        return new TokenForm(text, skeleton, abjad, w0, w1, w2, many);
    }

    /** Forms of analysed tokens, null where a token is an organisation-type word (compared only for equality). */
    static TokenForm[] ofTokens(List<NameToken> tokens) {
        TokenForm[] out = new TokenForm[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            NameToken t = tokens.get(i);
            if (!t.weak()) out[i] = of(t.text(), t.abjad());
        }
        return out;
    }

    int length() {
        return text.length();
    }

    /** An upper bound of how many letters (as a multiset) the two tokens have in common. */
    int commonLetters(TokenForm o) {
        if (manyRepeats || o.manyRepeats) return Math.min(length(), o.length());
        return Long.bitCount(letters0 & o.letters0) + Long.bitCount(letters1 & o.letters1)
                + Long.bitCount(letters2 & o.letters2);
    }

    /** The same bound for this token against two tokens written together. */
    int commonLetters(TokenForm first, TokenForm second) {
        return Math.min(length(), commonLetters(first) + commonLetters(second));
    }

    /** "alhassan": an article glued to the name, which {@link TokenSimilarity} also compares without it. */
    boolean gluedArticle() {
        return text.length() >= 6 && (text.startsWith("al") || text.startsWith("el"));
    }

    private static int symbol(char c) {
        if (c >= 'a' && c <= 'z') return c - 'a';
        if (c >= '0' && c <= '9') return 26 + (c - '0');
        return 36 + (c % 27);
    }
}
