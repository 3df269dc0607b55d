package org.custody.screening;

import org.custody.names.RomanisationFolder;

/**
 * How alike two analysed tokens are, in 0..1, and in what way. Tokens are already folded (see
 * {@link RomanisationFolder}), so this only has to absorb typos and the spellings folding leaves apart.
 */
public final class TokenSimilarity {
    private TokenSimilarity() { }

    /** Best similarity between two tokens (texts folded; weak = organisation-type word; abjad = Arabic script). */
    public static double similarity(String a, boolean aWeak, boolean aAbjad, String b, boolean bWeak, boolean bAbjad) {
        if (a.equals(b)) return aWeak == bWeak ? 1.0 : 0.0;
        if (aWeak || bWeak) return 0.0;
        return similarity(a, null, aAbjad, b, null, bAbjad);
    }

    /**
     * The same for two non-weak tokens whose consonant skeletons may already be known (null: computed
     * here when needed), so the index can precompute them for its vocabulary.
     */
    static double similarity(String a, String aSkeleton, boolean aAbjad, String b, String bSkeleton, boolean bAbjad) {
        if (a.equals(b)) return 1.0;
        int la = a.length(), lb = b.length();
        if (Math.min(la, lb) <= 2) return shortAbjad(a, aSkeleton, aAbjad, b, bSkeleton, bAbjad);
        double best = spelling(a, b);
        if (Math.max(la, lb) <= 3 && RomanisationFolder.fold(a).equals(RomanisationFolder.fold(b))) {
            best = Math.max(best, 0.8);                        // short tokens are not folded: "haq"/"hak"
        }
        best = Math.max(best, gluedArticle(a, b));
        best = Math.max(best, gluedArticle(b, a));
        if (best < 0.95) {
            String sa = aSkeleton != null ? aSkeleton : RomanisationFolder.skeleton(a);
            String sb = bSkeleton != null ? bSkeleton : RomanisationFolder.skeleton(b);
            if (aAbjad || bAbjad) {
                if (sa.length() >= 2 && sb.length() >= 2) {
                    if (sa.equals(sb)) best = Math.max(best, sa.length() >= 3 ? 0.95 : 0.9);
                    else best = Math.max(best, 0.92 * JaroWinkler.similarity(sa, sb));
                }
            } else if (sa.length() >= 4 && sa.equals(sb)) {
                // Latin spellings with the same four or more consonants ("mohandes"/"muhandis"); three
                // are too few ("saboor"/"sabri", "chen"/"chan")
                best = Math.max(best, 0.9);
            }
        }
        // numbers must be equal (checked last: rare); codes may differ in their letters only ("V2913"/"YV2913"),
        // or be a mistyped registration number: see codeEdit
        if (best >= 0.5 && (hasDigit(a) || hasDigit(b)) && !digits(a).equals(digits(b))) return codeEdit(a, b, best);
        return best;
    }

    /**
     * The similarity of two prepared non-weak tokens when it can reach {@code minSim}, else 0. Pairs whose
     * shared letters already rule out a spelling match are answered without computing one; the paths
     * that do not depend on shared letters (Arabic-script skeletons, glued articles, equal skeletons,
     * three-letter folds) are always computed.
     */
    static double similarity(TokenForm a, TokenForm b, double minSim) {
        if (a.text().equals(b.text())) return 1.0;
        int la = a.length(), lb = b.length();
        if (Math.min(la, lb) <= 2) return shortAbjad(a.text(), a.skeleton(), a.abjad(), b.text(), b.skeleton(), b.abjad());
        boolean boundApplies = !a.abjad() && !b.abjad() && !a.gluedArticle() && !b.gluedArticle()
                && Math.max(la, lb) > 3 && !(a.skeleton().length() >= 4 && a.skeleton().equals(b.skeleton()));
        if (boundApplies && spellingBound(la, lb, a.commonLetters(b)) < minSim) return 0.0;
        return similarity(a.text(), a.skeleton(), a.abjad(), b.text(), b.skeleton(), b.abjad());
    }

    /**
     * Two-letter tokens are equal or nothing ("al", "ab"), except a two-consonant word from Arabic script,
     * which has no short vowels: "bn" is "ben"/"bin", "sd" is "sad" when the skeletons are equal.
     */
    private static double shortAbjad(String a, String aSkeleton, boolean aAbjad, String b, String bSkeleton, boolean bAbjad) {
        if (aAbjad == bAbjad || Math.min(a.length(), b.length()) < 2 || hasDigit(a) || hasDigit(b)) return 0.0;
        String sa = aSkeleton != null ? aSkeleton : RomanisationFolder.skeleton(a);
        String sb = bSkeleton != null ? bSkeleton : RomanisationFolder.skeleton(b);
        return sa.length() == 2 && sa.equals(sb) ? 0.9 : 0.0;
    }

    /**
     * The similarity of {@code other} to {@code first} and {@code second} written as one word
     * ("abdul" "rahman" / "abdulrahman"), or 0 when it cannot reach {@code minSim}; the joined word is
     * only built for pairs the shared-letter bound leaves open.
     */
    static double mergedSimilarity(TokenForm first, TokenForm second, TokenForm other, double minSim) {
        int joined = first.length() + second.length();
        boolean boundApplies = !first.abjad() && !second.abjad() && !other.abjad() && !other.gluedArticle()
                && !(joined >= 6 && (first.text().startsWith("al") || first.text().startsWith("el")))
                && !mayShareSkeleton(first, second, other);
        if (boundApplies && spellingBound(joined, other.length(), other.commonLetters(first, second)) < minSim) return 0.0;
        return similarity(TokenForm.of(first.text() + second.text(), first.abjad()), other, minSim);
    }

    /** Whether the joined word's skeleton could equal the other's (joining can collapse up to two consonants). */
    private static boolean mayShareSkeleton(TokenForm first, TokenForm second, TokenForm other) {
        int k = other.skeleton().length(), sum = first.skeleton().length() + second.skeleton().length();
        return k >= 4 && k <= sum && k >= sum - 2;
    }

    /**
     * An upper bound of {@link #spelling} for two lengths and the number of letters they share: Jaro
     * cannot match more characters than are shared, nor Levenshtein keep more of the longer token.
     */
    static double spellingBound(int la, int lb, int common) {
        int c = Math.min(common, Math.min(la, lb));
        if (c == 0) return 0.0;
        double jaro = ((double) c / la + (double) c / lb + 1) / 3;
        double jw = jaro <= 0.7 ? jaro : jaro + 0.4 * (1 - jaro);
        double lev = (double) c / Math.max(la, lb);
        return Math.max(0.8 * jw, (jw + lev) / 2) + 1e-9;     // + rounding: the bound may equal the value
    }

    /** A short word for how two tokens matched, for explanations. */
    public static String how(String a, boolean aWeak, boolean aAbjad, String b, boolean bWeak, boolean bAbjad,
                             double sim) {
        if (a.equals(b)) return aWeak ? "same organisation type" : "same after normalisation";
        if (sim <= 0) return "different";
        if (spelling(a, b) >= sim - 1e-9) return "similar spelling (Jaro-Winkler and Levenshtein)";
        if (gluedArticle(a, b) >= sim - 1e-9 || gluedArticle(b, a) >= sim - 1e-9) return "article 'al' glued on";
        return aAbjad || bAbjad ? "same consonants (Arabic script has no short vowels)" : "same consonants";
    }

    /**
     * Spelling similarity: the mean of Jaro-Winkler (forgiving, rewards a shared beginning) and the
     * Levenshtein ratio (strict about every edit). Jaro-Winkler alone rates "solemani"/"sohela" 0.8.
     */
    static double spelling(String a, String b) {
        double jw = JaroWinkler.similarity(a, b);
        if (jw < 0.6) return jw * 0.8;
        int d = swappedNeighbours(a, b) ? 1 : Levenshtein.distance(a, b);   // a swap of two letters is one edit
        double lev = 1.0 - (double) d / Math.max(a.length(), b.length());
        double s = (jw + lev) / 2;
        if (Math.max(a.length(), b.length()) <= 4) s *= 0.92;   // one letter is a lot of a short token
        return s;
    }

    /** Whether b is a with two neighbouring letters swapped ("wagn"/"wang", "omra"/"omar"). */
    static boolean swappedNeighbours(String a, String b) {
        if (a.length() != b.length()) return false;
        int i = 0, n = a.length();
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        if (i + 1 >= n || a.charAt(i) != b.charAt(i + 1) || a.charAt(i + 1) != b.charAt(i)) return false;
        return a.regionMatches(i + 2, b, i + 2, n - i - 2);
    }

    /**
     * A misspelt organisation word ("GENEBAL", "GRUOP") against the canonical word of a listed one: its
     * spelling similarity when at least {@code min}, else 0. Only close misspellings count.
     */
    static double misspeltOrganisationWord(String strong, String canonical, double min) {
        if (strong.length() < 4 || Math.abs(strong.length() - canonical.length()) > 2 || hasDigit(strong)) return 0.0;
        double s = spelling(strong, canonical);
        return s >= min ? s : 0.0;
    }

    private static double gluedArticle(String withArticle, String other) {
        if (withArticle.length() >= 6 && (withArticle.startsWith("al") || withArticle.startsWith("el"))
                && !(other.startsWith("al") || other.startsWith("el"))) {
            return 0.97 * spelling(withArticle.substring(2), other);
        }
        return 0.0;
    }

    /**
     * Similarity of two codes whose numbers differ ("yv273" / "yv2734", "ra8203" / "ra82030", "yv387gt" /
     * "yv378t"): a registration or hull number copied with one digit dropped, added, changed or two swapped
     * is still the likeliest listed code, so the pair aligns, but at {@value #CODE_EDIT_SIMILARITY} at most
     * and with the scorer's {@code number_differs} penalty: one digit apart is another aircraft or vessel of
     * a listed fleet ("FU YUAN YU 8644" / "FU YUAN YU 8674") as often as a typo, which must not alert. Only numbers of
     * three digits or more (a unit "63F" against "64E" stays a different address) and one edit apart.
     */
    private static double codeEdit(String a, String b, double spelling) {
        return numbersOneEditApart(a, b) ? Math.min(spelling, CODE_EDIT_SIMILARITY) : 0.0;
    }

    /**
     * Whether two tokens are codes whose numbers (three digits or more) differ by one edit, the pairs
     * {@link #codeEdit} aligns; the scorer adds the declared {@code number_differs} penalty for them.
     */
    static boolean numbersOneEditApart(String a, String b) {
        String da = digits(a), db = digits(b);
        return Math.min(da.length(), db.length()) >= 3 && oneEditApart(da, db);
    }

    /** The highest similarity of two codes whose numbers differ by one edit (see {@link #codeEdit}). */
    static final double CODE_EDIT_SIMILARITY = 0.72;

    /** Whether {@code b} is {@code a} with one character changed, added or dropped, or two neighbours swapped. */
    static boolean oneEditApart(String a, String b) {
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) return false;
        if (la == lb) return swappedNeighbours(a, b) || Levenshtein.distance(a, b) == 1;
        return Levenshtein.distance(a, b) == 1;
    }

    /** The digits of a token in order ("yv2913" → "2913"). */
    private static String digits(String s) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) sb.append(s.charAt(i));
        return sb.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }
}
