package org.custody.evidence.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custody.evidence.nlp.AnchoredPattern;

/**
 * Who a sentence credits: a reporting or speech verb ("reports", "said", "told", "has learned",
 * "according to", "citing") outside quotation marks, and the noun phrase that is its subject (or, for
 * "according to X", "citing X", and inverted "…,” said X", the phrase after it). Noun phrases are cut at
 * punctuation, quotation marks and clause words, at most eight words.
 */
public final class Attribution {

    /** A credited source: its phrase and offsets, and the cue word that credits it. */
    public record Source(String phrase, int start, int end, String cue, int cueStart) {}

    private static final AnchoredPattern CUE = AnchoredPattern.compile("\\b(?<after>(?i:according to|citing|cited by|quoted by))\\b"
            + "|\\b(?<verb>(?:is|are|was|were|has been|have been) reporting|reports|reported|report|said|says|say|told|tells|tell|has learned|have learned|learned|learnt"
            + "|notes|noted|claims|claimed|claim|added|adding|stated|states|confirmed|confirms|acknowledged|acknowledges"
            + "|declared|declares|revealed|reveals|wrote|writes|announced|announces|insisted|insists|explained"
            + "|argued|argues|warned|warns|denied|denies|deny|conceded|concedes|emphasized|emphasised|stressed"
            + "|alleged|alleges|showed|shows|posted|tweeted)\\b");
    private static final Set<String> STOP = Set.of("that", "which", "who", "whom", "but", "however", "as", "while",
            "when", "where", "because", "although", "if", "what", "than", "so", "then", "after", "before",
            "also", "has", "have", "had", "is", "was", "were", "are", "be", "being", "been", "it", "there");
    private static final Pattern LEAD = Pattern.compile("^(?i:(but|and|so|yet|now|also|still|then|meanwhile|speaking on the record)\\s+)+");
    private static final Pattern ADVERBS = Pattern.compile("(\\s+\\p{Ll}+ly)+$");
    private static final Set<String> TITLE_NOUNS = Set.of("spokesman", "spokeswoman", "spokesperson", "official",
            "officials", "adviser", "advisor", "commander", "minister", "secretary", "general", "colonel", "chief",
            "head", "leader", "director", "ambassador", "envoy", "analyst", "researcher", "reporter", "correspondent");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you", "the official",
            "officials", "the newspaper", "the paper", "the report", "the outlet", "the agency");

    private Attribution() {}

    /** Credited sources of {@code sentence} (offsets relative to it), quoted text ignored. */
    public static List<Source> find(String sentence) {
        String masked = maskQuotes(sentence);
        List<Source> out = new ArrayList<>();
        AnchoredPattern.Scan scan = CUE.scan(masked);
        while (scan.find()) {
            Matcher m = scan.matcher();
            if (m.group("after") != null) {
                int[] np = phraseAfter(masked, m.end());
                if (np != null) out.add(new Source(sentence.substring(np[0], np[1]), np[0], np[1], m.group(), m.start()));
                continue;
            }
            String cue = m.group("verb");
            int[] before = phraseBefore(masked, m.start());
            boolean inverted = before == null || precededByQuote(masked, m.start());
            if (!inverted && before != null) {
                String p = sentence.substring(before[0], before[1]);
                if (PRONOUNS.contains(p.toLowerCase(Locale.ROOT)) || p.matches("(?i)(he|she|they|it|we|i)")) {
                    out.add(new Source(p, before[0], before[1], cue, m.start()));
                    continue;
                }
                out.add(new Source(p, before[0], before[1], cue, m.start()));
            } else {
                int[] after = phraseAfter(masked, m.end());
                if (after != null) out.add(new Source(sentence.substring(after[0], after[1]), after[0], after[1], cue, m.start()));
            }
        }
        return out;
    }

    /** The sentence with quoted passages replaced by spaces (same length, so offsets hold). */
    public static String maskQuotes(String s) {
        char[] c = s.toCharArray();
        boolean in = false;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch == '\u201C' || (ch == '"' && !in)) {
                in = true;
                continue;
            }
            if (ch == '\u201D' || (ch == '"' && in)) {
                in = false;
                continue;
            }
            if (in) c[i] = ' ';
        }
        return new String(c);
    }

    private static boolean precededByQuote(String s, int at) {
        int i = at - 1;
        while (i >= 0 && (s.charAt(i) == ' ' || s.charAt(i) == ',')) i--;
        return i >= 0 && (s.charAt(i) == '\u201D' || s.charAt(i) == '"');
    }

    private static boolean boundary(char c) {
        return c == ',' || c == ';' || c == ':' || c == '\u201C' || c == '\u201D' || c == '"' || c == '(' || c == ')'
                || c == '\u2013' || c == '\u2014';
    }

    /** The noun phrase ending just before {@code end}: [start, end) or null. */
    static int[] phraseBefore(String s, int end) {
        int e = end;
        while (e > 0 && s.charAt(e - 1) == ' ') e--;
        // auxiliaries directly before the verb ("has learned" handled by the cue; "officials have said")
        int i = e;
        int words = 0;
        int start = e;
        while (i > 0 && words < 8) {
            int we = i;
            while (i > 0 && s.charAt(i - 1) != ' ' && !boundary(s.charAt(i - 1))) i--;
            String w = s.substring(i, we).toLowerCase(Locale.ROOT);
            if (w.isEmpty()) break;
            if (STOP.contains(w)) {
                if (words == 0 && Set.of("has", "have", "had", "is", "was", "were", "are").contains(w)) {
                    // auxiliary: skip it and keep going
                    while (i > 0 && s.charAt(i - 1) == ' ') i--;
                    e = i;
                    start = i;
                    continue;
                }
                break;
            }
            start = i;
            words++;
            if (i == 0 || boundary(s.charAt(i - 1))) break;
            while (i > 0 && s.charAt(i - 1) == ' ') i--;
            if (i > 0 && boundary(s.charAt(i - 1))) break;
        }
        if (words == 0) return null;
        String p = s.substring(start, e);
        // leading conjunctions and sentence adverbs are not part of the source
        Matcher lead = LEAD.matcher(p);
        if (lead.find()) start += lead.end();
        if (start >= e) return null;
        // trailing adverbs ("the Pentagon categorically denied") are not part of the source
        Matcher adv = ADVERBS.matcher(s.substring(start, e));
        if (adv.find() && adv.start() > 0) e = start + adv.start();
        return new int[] {start, e};
    }

    /** The noun phrase starting after {@code from}: up to the next boundary or clause word, eight words at most. */
    static int[] phraseAfter(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) i++;
        int start = i;
        int end = i;
        int words = 0;
        while (i < s.length() && words < 8) {
            int ws = i;
            while (i < s.length() && s.charAt(i) != ' ' && !boundary(s.charAt(i))) i++;
            String w = s.substring(ws, i).replaceAll("[.]$", "");
            if (w.isEmpty() || STOP.contains(w.toLowerCase(Locale.ROOT))) break;
            if (words > 0 && !Character.isUpperCase(w.charAt(0)) && !Set.of("of", "the", "al", "for").contains(w)
                    && !TITLE_NOUNS.contains(w.toLowerCase(Locale.ROOT))) {
                // lower-case words after the first only continue a name when they are name particles
                if (words >= 1 && !Character.isUpperCase(s.charAt(start))) { /* common-noun phrase: keep */ }
                else break;
            }
            end = i;
            words++;
            if (i < s.length() && boundary(s.charAt(i))) break;
            while (i < s.length() && s.charAt(i) == ' ') i++;
        }
        while (end > start && (s.charAt(end - 1) == '.' && !s.substring(start, end).matches(".*\\b[A-Z]\\.[A-Z]\\.$"))) end--;
        return words == 0 || end <= start ? null : new int[] {start, end};
    }
}
