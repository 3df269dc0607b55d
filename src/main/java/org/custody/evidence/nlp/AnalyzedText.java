package org.custody.evidence.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with its sentences, OpenNLP tokens, and word pieces: each token cut at hyphens and slashes into
 * letter/digit runs ("al-Hashd" gives "al" and "hashd", "U.S.-made" gives "us" and "made"), each with its
 * offsets, matching key and sentence index. Lexicons (actors, places, outlets, article terms) match on
 * the keys of consecutive words.
 */
public final class AnalyzedText {

    private final String text;
    private final List<TextSpan> sentences;
    private final int tokenCount;
    private final int[] wordStart;
    private final int[] wordEnd;
    private final String[] wordKey;
    private final int[] wordSentence;

    private AnalyzedText(String text, List<TextSpan> sentences, int tokenCount, int[] ws, int[] we, String[] wk,
                         int[] wsent) {
        this.text = text;
        this.sentences = List.copyOf(sentences);
        this.tokenCount = tokenCount;
        this.wordStart = ws;
        this.wordEnd = we;
        this.wordKey = wk;
        this.wordSentence = wsent;
    }

    static AnalyzedText of(String text, List<TextSpan> sentences, List<List<TextSpan>> tokens) {
        int cap = 16;
        for (List<TextSpan> t : tokens) cap += t.size() * 2;
        int[] ws = new int[cap];
        int[] we = new int[cap];
        String[] wk = new String[cap];
        int[] wsent = new int[cap];
        int n = 0;
        int tokenCount = 0;
        for (int si = 0; si < sentences.size(); si++) {
            for (TextSpan t : tokens.get(si)) {
                tokenCount++;
                int i = t.start();
                while (i < t.end()) {
                    while (i < t.end() && !isWordChar(text, i)) i++;
                    int s = i;
                    while (i < t.end() && isWordChar(text, i)) i++;
                    if (i > s) {
                        String k = Keys.key(text.subSequence(s, i));
                        if (k.isEmpty()) continue;
                        if (n == ws.length) {
                            ws = java.util.Arrays.copyOf(ws, n * 2);
                            we = java.util.Arrays.copyOf(we, n * 2);
                            wk = java.util.Arrays.copyOf(wk, n * 2);
                            wsent = java.util.Arrays.copyOf(wsent, n * 2);
                        }
                        ws[n] = s;
                        we[n] = i;
                        wk[n] = k;
                        wsent[n] = si;
                        n++;
                    }
                }
            }
        }
        return new AnalyzedText(text, sentences, tokenCount, java.util.Arrays.copyOf(ws, n),
                java.util.Arrays.copyOf(we, n), java.util.Arrays.copyOf(wk, n), java.util.Arrays.copyOf(wsent, n));
    }

    /** Letters, digits, marks, and an apostrophe or full stop between letters ("Kata'ib", "U.S"). */
    static boolean isWordChar(CharSequence t, int i) {
        char c = t.charAt(i);
        if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) return true;
        if ((c == '\'' || c == '\u2019' || c == '.' || c == '\u02BC') && i > 0 && i + 1 < t.length()) {
            char next = t.charAt(i + 1);
            if (c != '.' && (next == 's' || next == 'S') && (i + 2 == t.length() || !Character.isLetter(t.charAt(i + 2)))) {
                return false; // possessive 's stays out of the word: "Bloomberg's" matches "Bloomberg"
            }
            return Character.isLetter(t.charAt(i - 1)) && Character.isLetter(t.charAt(i + 1))
                    && (c != '.' || (Character.isUpperCase(t.charAt(i - 1)) && Character.isUpperCase(t.charAt(i + 1))));
        }
        return false;
    }

    public String text() { return text; }
    public List<TextSpan> sentences() { return sentences; }
    public int tokenCount() { return tokenCount; }
    public int words() { return wordKey.length; }
    public int start(int w) { return wordStart[w]; }
    public int end(int w) { return wordEnd[w]; }
    public String key(int w) { return wordKey[w]; }
    public int sentenceOf(int w) { return wordSentence[w]; }
    public String word(int w) { return text.substring(wordStart[w], wordEnd[w]); }

    public boolean capitalized(int w) {
        return Character.isUpperCase(text.charAt(wordStart[w])) || Character.isDigit(text.charAt(wordStart[w]))
                || !Character.isLetter(text.charAt(wordStart[w])) || isArabic(text.charAt(wordStart[w]));
    }

    static boolean isArabic(char c) {
        return c >= 0x0600 && c <= 0x06FF;
    }

    /** Index of the first word at or after {@code offset} (words() when none). */
    public int wordAt(int offset) {
        int lo = 0;
        int hi = wordStart.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (wordEnd[mid] <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Words of sentence {@code s} as [first, last+1). */
    public int[] wordRange(int s) {
        TextSpan sp = sentences.get(s);
        int a = wordAt(sp.start());
        int b = a;
        while (b < wordKey.length && wordSentence[b] == s) b++;
        return new int[] {a, b};
    }

    public List<String> keys(int from, int to) {
        List<String> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) out.add(wordKey[i]);
        return out;
    }
}
