package org.custody.evidence.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.custody.evidence.nlp.AnchoredPattern;
import org.custody.evidence.Stance;

/**
 * The stance of a claim from cue words in its sentence up to the claim's trigger (and a few words after):
 * denial and negation ("denied", "no evidence", "no reason to believe", "not", "never") make it
 * {@link Stance#DENIED}; hedges ("may", "reportedly", "allegedly", "believed to", "whether") make it
 * {@link Stance#HEDGED}; otherwise {@link Stance#ASSERTED}. Negation counts only near the trigger
 * (within six words before it) while denial verbs and "no evidence"-type phrases count anywhere before.
 */
public final class StanceClassifier {

    private static final AnchoredPattern DENIAL = AnchoredPattern.compile("(?i)\\b(den(?:y|ies|ied|ying)|denial|rejected|rejects|dismissed|dismisses"
            + "|refuted|refutes|no evidence|no reason to believe|no indication|no sign|categorically|false|untrue|baseless"
            + "|unfounded|debunked|no proof)\\b");
    private static final AnchoredPattern NEGATION = AnchoredPattern.compile("(?i)\\b(not|never|no longer|n't|no|neither|nor|without)\\b|n['’]t\\b");
    private static final AnchoredPattern HEDGE = AnchoredPattern.compile("(?i)\\b(may|might|could|possibly|possible|reportedly|allegedly|alleged"
            + "|purportedly|apparently|believed to|thought to|suspected|said to|appears? to|seems? to|likely|unlikely|unconfirmed"
            + "|rumou?red|unverified|whether|perhaps|claimed|claims|claim|if|potentially|would)\\b");

    /** Negative words that affirm: "it is no secret that", "there is no doubt", "not only … but". */
    private static final AnchoredPattern AFFIRMING = AnchoredPattern.compile("(?i)\\b(?:no|little) (?:secret|doubt|question|surprise|wonder)\\b|\\bnot only\\b");

    /** "Reports that … are false": a reported claim declared untrue after it. */
    private static final AnchoredPattern REPORTS_THAT = AnchoredPattern.compile("(?i)\\b(?:reports?|claims?|allegations?|accusations?|rumou?rs?|suggestions?|assertions?) that\\b");
    private static final AnchoredPattern FALSE_AFTER = AnchoredPattern.compile("(?i)\\b(?:are|were|is|was)\\s+(?:entirely\\s+|completely\\s+|totally\\s+|simply\\s+)?"
            + "(false|untrue|baseless|unfounded|fabricated|incorrect|wrong|lies|groundless)\\b");
    /** The subject denies: "none of its tanks had been transferred", "not one of the rifles was sold". */
    private static final AnchoredPattern SUBJECT_NEGATION = AnchoredPattern.compile("(?i)\\b(?:none|not one|not a single|neither)\\b");

    private static final AnchoredPattern REPORTED = AnchoredPattern.compile("(?i)\\b(said|told|stated|announced|added|explained|confirmed)\\b");

    private StanceClassifier() {}

    public record Decision(Stance stance, List<String> cues) {}

    /** Stance of a claim whose trigger starts at {@code trigger} and ends at {@code triggerEnd} in {@code sentence}. */
    public static Decision classify(String sentence, int trigger, int triggerEnd) {
        List<String> cues = new ArrayList<>();
        String masked = blank(AFFIRMING, sentence);
        int scopeEnd = Math.min(sentence.length(), wordsAfter(sentence, triggerEnd, 3));
        String before = masked.substring(0, trigger);
        AnchoredPattern.Scan d = DENIAL.scan(before);
        while (d.find()) cues.add("denial: " + d.matcher().group());
        // the trigger itself may carry the negation ("has no", "had never taken")
        String near = masked.substring(wordsBefore(masked, trigger, 6), triggerEnd);
        AnchoredPattern.Scan n = NEGATION.scan(near);
        while (n.find()) cues.add("negation: " + n.matcher().group());
        String clause = masked.substring(clauseStart(masked, trigger), trigger);
        AnchoredPattern.Scan sn = SUBJECT_NEGATION.scan(clause);
        if (cues.isEmpty() && sn.find()) cues.add("negation on the subject: " + sn.matcher().group());
        AnchoredPattern.Scan rt = REPORTS_THAT.scan(before);
        if (rt.find()) {
            AnchoredPattern.Scan f = FALSE_AFTER.scan(masked.substring(triggerEnd));
            if (f.find()) cues.add("reported claim declared untrue: " + rt.matcher().group() + " … " + f.matcher().group());
        }
        if (!cues.isEmpty()) return new Decision(Stance.DENIED, cues);
        AnchoredPattern.Scan hedges = HEDGE.scan(masked.substring(0, scopeEnd));
        boolean reported = false;
        while (hedges.find()) {
            Matcher h = hedges.matcher();
            // "said the equipment would be used": reported speech shifts "will" to "would", no hedge
            if (h.group().equalsIgnoreCase("would") && (reported || REPORTED.in(masked.substring(0, h.start())))) {
                reported = true;
                continue;
            }
            cues.add("hedge: " + h.group());
        }
        if (!cues.isEmpty()) return new Decision(Stance.HEDGED, cues);
        return new Decision(Stance.ASSERTED, List.of());
    }

    /** {@code s} with every match of {@code p} replaced by as many spaces (offsets kept). */
    private static String blank(AnchoredPattern p, String s) {
        AnchoredPattern.Scan scan = p.scan(s);
        if (!scan.find()) return s;
        Matcher m = scan.matcher();
        StringBuilder b = new StringBuilder(s);
        do {
            for (int i = m.start(); i < m.end(); i++) b.setCharAt(i, ' ');
        } while (scan.find());
        return b.toString();
    }

    /** Where the clause holding {@code at} starts: after the last comma, semicolon, colon or "that" before it. */
    private static int clauseStart(String s, int at) {
        int i = at;
        while (i > 0 && ",;:".indexOf(s.charAt(i - 1)) < 0) {
            if (i >= 5 && s.regionMatches(true, i - 5, "that ", 0, 5) && (i == 5 || s.charAt(i - 6) == ' ')) break;
            i--;
        }
        return i;
    }

    private static int wordsBefore(String s, int at, int n) {
        int i = at;
        int words = 0;
        while (i > 0 && words < n) {
            i--;
            while (i > 0 && s.charAt(i) == ' ') i--;
            while (i > 0 && s.charAt(i - 1) != ' ') i--;
            words++;
            if (i > 0 && ",;:".indexOf(s.charAt(i - 1)) >= 0) break;
        }
        return Math.max(0, i);
    }

    private static int wordsAfter(String s, int at, int n) {
        int i = at;
        int words = 0;
        while (i < s.length() && words < n) {
            while (i < s.length() && s.charAt(i) == ' ') i++;
            while (i < s.length() && s.charAt(i) != ' ') i++;
            words++;
        }
        return i;
    }
}
