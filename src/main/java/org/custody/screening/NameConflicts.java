package org.custody.screening;

import java.util.List;
import org.custody.names.NameToken;
import org.custody.names.OrganisationTypeMarker;

/**
 * Evidence that two similar names belong to different parties, read from their alignment. Each method
 * is the value of one feature of {@link ScoringModel}; all are symmetric (the same whichever name is
 * the query), so screening and compare keep giving the same score.
 *
 * <ul>
 *   <li>{@link #namePartConflict}: each name has a name part the other contradicts (unmatched, or aligned
 *       only loosely): "KONY, Ali" / "KONY, Salim", "AL-TIKRITI, Rana ..." / "AL-TIKRITI, Raghad ...". A part missing on
 *       one side only ("KINAHAN, Christopher" for "KINAHAN, Christopher Vincent") is an omission, not a
 *       conflict: the value is the smaller of the two sides' contradicted shares.</li>
 *   <li>{@link #organisationTypeMismatch}: both names say what kind of organisation they are, and they say
 *       different things ("KATIBAT X" / "JAM'AT X", "X GROUP INVESTMENT COMPANY" / "X INVESTMENT COMPANY",
 *       "X BANK" / "X EXCHANGE"), or one states a type and the other none ("MAGUS HOLDING LLC" / "MAGUS").
 *       Legal forms (LLC, S.A., LTD: the company class) are never the differing type: lists and registers
 *       add or drop them for one and the same company.</li>
 *   <li>{@link #unmatchedDistinctivePart}: a distinctive name part present in one name only.</li>
 * </ul>
 */
final class NameConflicts {

    private NameConflicts() { }

    /** A name part aligned below this similarity, and more than one edit away, is a different name. */
    static final double CONFLICT_SIMILARITY = 0.85;

    /**
     * The smaller of the two sides' rarity-weighted shares of contradicted name parts (see
     * {@link #contradicted(NameAlignment.Side, NameAlignment.Side, NameAlignment.Result)}); 0 when
     * either side has none.
     */
    static double namePartConflict(NameAlignment.Side q, NameAlignment.Side l, NameAlignment.Result r, Vocabulary words) {
        boolean[][] c = contradicted(q, l, r, words);
        double qs = share(q, c[0]);
        if (qs == 0) return 0;
        return Math.min(qs, share(l, c[1]));
    }

    /**
     * Which name parts of each side are contradicted: a part (not an organisation or function word) left
     * unmatched, or aligned alone with a part below {@link #CONFLICT_SIMILARITY} that is more than one
     * edit away ("ali"/"salim", "jinmyong"/"jinsong"; "yong"/"song" or "fortune"/"fortuna" is one typo, which
     * no name-only matcher can tell from a different name). Initials, runs written as one word, a part
     * written together with its neighbour ("prosoftllc"/"prosoft"), patronymics (transliterated many ways)
     * and Arabic-script parts (compared by consonant skeleton) count as matched when aligned at all.
     */
    static boolean[][] contradicted(NameAlignment.Side q, NameAlignment.Side l, NameAlignment.Result r, Vocabulary words) {
        List<NameToken> qt = q.tokens(), lt = l.tokens();
        boolean[] qc = new boolean[qt.size()], lc = new boolean[lt.size()];
        double[] qSim = r.qSim(), lSim = r.lSim();
        for (int i = 0; i < qc.length; i++) qc[i] = !qt.get(i).weak() && qSim[i] == 0;
        for (int j = 0; j < lc.length; j++) lc[j] = !lt.get(j).weak() && lSim[j] == 0;
        for (NameAlignment.Pair p : r.pairs()) {
            if (p.q2() >= 0 || p.l2() >= 0 || p.sim() >= 1) continue;
            NameToken a = qt.get(p.q()), b = lt.get(p.l());
            if (p.sim() >= CONFLICT_SIMILARITY) {
                if (!a.weak() && !b.weak() && !a.abjad() && !b.abjad() && twoKnownWords(a.text(), b.text(), words)
                        && !ScreeningEngine.patronymicShaped(a) && !ScreeningEngine.patronymicShaped(b)) {
                    qc[p.q()] = true;
                    lc[p.l()] = true;
                }
                continue;
            }
            // (initials align at NameAlignment.INITIAL_SIMILARITY, which is not below CONFLICT_SIMILARITY)
            if (a.weak() || b.weak() || a.abjad() || b.abjad()) continue;
            if (oneEditApart(a.text(), b.text()) && !twoKnownWords(a.text(), b.text(), words) || writtenInto(a.text(), b.text())
                    || ScreeningEngine.patronymicShaped(a) || ScreeningEngine.patronymicShaped(b)) continue;
            qc[p.q()] = true;
            lc[p.l()] = true;
        }
        return new boolean[][] {qc, lc};
    }

    /**
     * Words the lists use: a part one edit from another is a typo only if it is not itself a word some listed
     * name uses ("MARINA" / "MARIA", "MYONG" / "YONG", "PETROPARS" / "PETROPARK" are two names, each listed;
     * "HIZBALAH" is nobody's) — unless one listed party is written both ways ("HIZBALLAH" / "HEZBOLLAH"),
     * which makes them one word's spellings. A typo rarely lands on another listed word of this length, so
     * both parts must be at least {@link #KNOWN_WORD_MIN_LENGTH} letters long.
     */
    interface Vocabulary {
        /** Both analysed tokens are words of listed names, and no listed party is written with both. */
        boolean distinctListedWords(String a, String b);
    }

    /** Shorter parts are too often another listed word by chance ("KIM" / "KIN"). */
    static final int KNOWN_WORD_MIN_LENGTH = Integer.getInteger("custody.knownWordMinLength", 4);

    static boolean twoKnownWords(String a, String b, Vocabulary words) {
        return a.length() >= KNOWN_WORD_MIN_LENGTH && b.length() >= KNOWN_WORD_MIN_LENGTH
                && words.distinctListedWords(a, b);
    }

    /** One part begins or ends with the other: a word written together with its neighbour ("prosoftllc"). */
    static boolean writtenInto(String a, String b) {
        boolean aLonger = a.length() >= b.length();
        String longer = aLonger ? a : b, shorter = aLonger ? b : a;
        return shorter.length() >= 3 && (longer.startsWith(shorter) || longer.endsWith(shorter));
    }

    /** At most one insertion, deletion or substitution, or two neighbouring letters swapped. */
    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) return false;
        return TokenSimilarity.swappedNeighbours(a, b) || Levenshtein.distance(a, b) <= 1;
    }

    private static double share(NameAlignment.Side side, boolean[] contradicted) {
        double[] w = side.weights();
        double total = 0, c = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            if (contradicted[i]) c += w[i];
        }
        return total > 0 ? c / total : 0;
    }

    /** The contradicted name parts of one side, for explanations. */
    static List<String> names(NameAlignment.Side side, boolean[] contradicted) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < contradicted.length; i++) if (contradicted[i]) out.add(side.tokens().get(i).text());
        return out;
    }

    /**
     * A distinctive name part present in one name only: 1 when one side has an unmatched part that is not
     * an organisation or function word, not shaped like a patronymic and carries at least
     * {@link #DISTINCTIVE_NATS} of rarity, and the other side has nothing unmatched (no name part, no
     * organisation type; legal forms aside), else 0. Unmatched parts on both sides are a conflict, which
     * {@link #namePartConflict} weighs, or a misspelt organisation word. The other name may be a shortened form of it, or a relative
     * (a son listed with his father's names after his own: "AL-TIKRITI, Mohammad Barzan Ibrahim Hasan"), or a
     * sister company ("TINDAYA PROPERTIES OF NEW YORK II CORP.").
     */
    static double unmatchedDistinctivePart(NameAlignment.Side q, NameAlignment.Side l, NameAlignment.Result r) {
        if (firstUnmatchedDistinctive(q, r.qSim()) != null) return hasUnmatched(l, r.lSim()) ? 0 : 1;
        if (firstUnmatchedDistinctive(l, r.lSim()) != null) return hasUnmatched(q, r.qSim()) ? 0 : 1;
        return 0;
    }

    /** Any unmatched name part or organisation type (legal forms and function words aside). */
    private static boolean hasUnmatched(NameAlignment.Side side, double[] sims) {
        for (int i = 0; i < sims.length; i++) {
            NameToken t = side.tokens().get(i);
            if (sims[i] == 0 && (!t.weak() || isType(t))) return true;
        }
        return false;
    }

    /** A part of this rarity (in nats; a common given name such as "Ahmad" carries about 4.7) is distinctive. */
    static final double DISTINCTIVE_NATS = 3.0;

    static String firstUnmatchedDistinctive(NameAlignment.Side side, double[] sims) {
        List<NameToken> ts = side.tokens();
        for (int i = 0; i < ts.size(); i++) {
            NameToken t = ts.get(i);
            if (sims[i] == 0 && !t.weak() && side.weights()[i] >= DISTINCTIVE_NATS && !ScreeningEngine.patronymicShaped(t)) {
                return t.text();
            }
        }
        return null;
    }

    /**
     * 1 when both names carry organisation-type words and one of them has a type (not a legal form) left
     * unaligned ("X GROUP INVESTMENT COMPANY" / "X INVESTMENT COMPANY"); {@link #ONE_SIDED_TYPE} when one
     * name has such a type and the other states no organisation type at all; else 0. A type word misspelt
     * on one side ("HOLDENGS") aligns with its class on the other and so is stated alike.
     */
    static double organisationTypeMismatch(NameAlignment.Side q, NameAlignment.Side l, NameAlignment.Result r) {
        boolean inQuery = unalignedType(q.tokens(), r.qSim()) != null, inListed = unalignedType(l.tokens(), r.lSim()) != null;
        if (!inQuery && !inListed) return 0;
        // a type without a partner where the other name has no unmatched name part, which could be that type
        // word misspelt beyond recognition ("YNDUSTRY")
        boolean surely = inQuery && !hasUnmatchedPart(l, r.lSim()) || inListed && !hasUnmatchedPart(q, r.qSim());
        return surely && statesType(q.tokens()) && statesType(l.tokens()) ? 1 : ONE_SIDED_TYPE;
    }

    /** Whether a side has a name part (not an organisation or function word) left unmatched. */
    private static boolean hasUnmatchedPart(NameAlignment.Side side, double[] sims) {
        for (int i = 0; i < sims.length; i++) if (sims[i] == 0 && !side.tokens().get(i).weak()) return true;
        return false;
    }

    /**
     * The value when only one name states a type (other than a legal form) and the other states none, or
     * the other has an unmatched part that may be the type word misspelt.
     */
    static final double ONE_SIDED_TYPE = 0.5;

    /** The first organisation type (not a legal form) of a name left without a partner, or null. */
    static String unalignedType(List<NameToken> ts, double[] sims) {
        for (int i = 0; i < ts.size(); i++) if (sims[i] == 0 && isType(ts.get(i))) return ts.get(i).text();
        return null;
    }

    /** Any organisation-type word, legal forms included: the name says it is an organisation's. */
    private static boolean statesType(List<NameToken> ts) {
        for (NameToken t : ts) if (t.weak() && OrganisationTypeMarker.isClassWord(t.text())) return true;
        return false;
    }


    /** An organisation-type word other than a legal form ("company") or a function word ("of"). */
    private static boolean isType(NameToken t) {
        return t.weak() && !t.text().equals(LEGAL_FORM_CLASS) && OrganisationTypeMarker.isClassWord(t.text());
    }

    /** The class {@code OrganisationTypeMarker} gives legal forms (LLC, LTD, S.A., JSC...). */
    static final String LEGAL_FORM_CLASS = "company";
}
