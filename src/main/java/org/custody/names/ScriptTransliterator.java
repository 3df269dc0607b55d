package org.custody.names;

import com.ibm.icu.text.Transliterator;

/**
 * Non-Latin scripts to Latin with ICU4J, so "كتائب حزب الله" and "Касем Сулеймани" meet their Latin
 * spellings without any external service.
 *
 * <p>Arabic and Persian use Custody's own ICU rule set, written for how names are commonly romanised
 * (ق q, خ kh, ذ dh, ع and ء as apostrophes, a word-initial ال as "al-", و/ي as u/i inside a word),
 * because ICU's scholarly Arabic-Latin output ("ktạỷb ḥzb ạllh") is far from any list spelling.
 * Cyrillic uses ICU's BGN/PCGN Russian romanisation (Сулеймани → Suleymani), anything else ICU's Any-Latin.
 * Arabic script has no short vowels, so tokens from it are flagged (see {@link #hasAbjadScript}) and the
 * scorer compares them by consonant skeleton.
 */
public final class ScriptTransliterator implements AnalysisStep.TextStep {

    static final String ARABIC_RULES = String.join("\n",
            "$L = [\\u0621-\\u064A\\u0671-\\u06D3\\u06FA-\\u06FF];",
            "$notL = [^[:L:]\\u0027];",
            "\\u0640 > ;",                                        // tatweel
            "[\\u064B-\\u064D\\u0651\\u0652\\u0670] > ;",         // tanwin, shadda, sukun, dagger alef
            "\\u064E > a; \\u064F > u; \\u0650 > i;",             // written short vowels
            "[\\u200C\\u200D] > ;",                               // (zero-width) joiners inside Persian words
            "$notL {\\u0627\\u0644\\u0644[\\u0647\\u06C1]} $notL > allah;",  // the word Allah (also with the Urdu heh), not al- + lh
            "$notL {\\u0627\\u0644} $L > al\\-;",                  // word-initial article
            "$notL {\\u0639 > a;", "^ {\\u0639 > a;",          // word-initial ayn: Latin forms start with a vowel (Ali, Omar, Uday)
            "$notL {\\u0648 > w;", "\\u0648 } [\\u0627\\u064A\\u06CC] > w;", "\\u0648 > u;",
            "$notL {[\\u064A\\u06CC] > y;", "[\\u064A\\u06CC] } [\\u0627\\u0648] > y;", "[\\u064A\\u06CC] > i;",
            "[\\u0627\\u0622\\u0671\\u0623] > a;", "\\u0625 > i;", "[\\u0621\\u0624] > \\';", "\\u0626 > \\'i;",
            "\\u0628 > b; \\u062A > t; \\u062B > th; \\u062C > j; \\u062D > h; \\u062E > kh; \\u062F > d; \\u0630 > dh;",
            "\\u0631 > r; \\u0632 > z; \\u0633 > s; \\u0634 > sh; \\u0635 > s; \\u0636 > d; \\u0637 > t; \\u0638 > z;",
            "\\u0639 > \\'; \\u063A > gh; \\u0641 > f; \\u0642 > q; [\\u0643\\u06A9] > k; \\u0644 > l; \\u0645 > m;",
            "\\u0646 > n; [\\u0647\\u06C1\\u06D5] > h; \\u0629 > a; \\u0649 > a; \\u067E > p; \\u0686 > ch;",
            "\\u0698 > zh; \\u06AF > g; \\u06C0 > eh;",
            "[\\u0660-\\u0669\\u06F0-\\u06F9] > ;");

    // ICU transliterators are not documented as safe for concurrent use: one instance per thread.
    private static final ThreadLocal<Transliterator> ARABIC = ThreadLocal.withInitial(() ->
            Transliterator.createFromRules("custody-arabic-names", ARABIC_RULES, Transliterator.FORWARD));
    private static final ThreadLocal<Transliterator> CYRILLIC = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Russian-Latin/BGN"));
    private static final ThreadLocal<Transliterator> ANY = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Any-Latin"));

    @Override public String name() { return "script-to-latin"; }

    @Override public String apply(String text) {
        if (latinOnly(text)) return text;
        boolean arabic = false, cyrillic = false, other = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case LATIN, COMMON, INHERITED -> { }
                case ARABIC -> arabic = true;
                case CYRILLIC -> cyrillic = true;
                default -> other = true;
            }
        }
        String out = text;
        if (arabic) {
            // pad so that word-start and word-end contexts also match at the ends
            String padded = ARABIC.get().transliterate(" " + out + " ");
            out = padded.substring(1, padded.length() - 1);
        }
        if (cyrillic) out = CYRILLIC.get().transliterate(out);
        // ICU misses some capitals (Georgian Mtavruli, Cyrillic Ӫ); case is folded later anyway
        if (other || cyrillic) out = out.toLowerCase(java.util.Locale.ROOT);
        if (other || arabic || cyrillic) {
            // Any-Latin works script run by script run; a second pass catches letters a first leaves
            for (int pass = 0; pass < 3; pass++) {
                String next = ANY.get().transliterate(out);
                if (next.equals(out)) break;
                out = next;
            }
            if (hasNonLatinLetter(out)) {
                // letters ICU has no rule for with their marks (Cyrillic ӫ): try the base letter
                String stripped = java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}+", "");
                out = ANY.get().transliterate(stripped);
            }
            // letters ICU has no rule for at all (Abkhaz ҽ): the Latin letter they are confusable with
            if (hasNonLatinLetter(out)) out = InvisibleCharacterRemover.foldConfusables(out, false);
        }
        return out;
    }

    /** Fast path: Basic Latin through Latin Extended-B and general punctuation need no transliteration. */
    private static boolean latinOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x250 && !(c >= 0x2000 && c <= 0x206F)) return false;
        }
        return true;
    }

    private static boolean hasNonLatinLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s != Character.UnicodeScript.LATIN && s != Character.UnicodeScript.COMMON
                    && s != Character.UnicodeScript.INHERITED) return true;
        }
        return false;
    }

    /** True when the name contains Arabic-script letters (Arabic, Persian, Urdu...), written without short vowels. */
    public static boolean hasAbjadScript(String text) {
        if (latinOnly(text)) return false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) return true;
        }
        return false;
    }
}
