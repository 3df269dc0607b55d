package org.custody.evidence.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custody.evidence.Mention;
import org.custody.evidence.MentionType;
import org.custody.evidence.nlp.AnalyzedText;

/**
 * Actors the registry does not know, recognised from the shape of their names and descriptions:
 * <ul>
 *   <li>an organisation name: a run of capitalised words (with the particles "al-", "of", "of the" inside)
 *       that ends in a group word ("the Giants Brigades", "the Lebanese Armed Forces", "Wadi Rabie Brigade",
 *       "the Bani Malik clan"), starts with an Arabic group word ("Kataib al-Fajr al-Jadid", "Liwa al-Quds",
 *       "Jaysh al-Izza"), has a group word followed by "of" ("Army of Islam"), or is a "Government of X";
 *       "Forces of the X" and "units of the X" name X;</li>
 *   <li>a class of holders named by a plural noun ("smugglers", "local militiamen", "unidentified gunmen"),
 *       when no name or possessive stands before it ("Houthi fighters", "its fighters" are other rules').</li>
 * </ul>
 * These mentions are not resolved to an identity (the registry and the watchlists do that for names they
 * know); their detail says which shape made them an actor, and they can hold claims like any actor.
 */
public final class GroupNames {

    /** Words that end a group's name ("Giants Brigades", "Busayrah Military Council"). */
    private static final Set<String> HEADS = Set.of("brigade", "brigades", "forces", "force", "army", "front", "movement",
            "division", "regiment", "battalion", "battalions", "militia", "militias", "guard", "guards", "units",
            "council", "corps", "clan", "tribe", "group", "organization", "organisation", "legion", "companies",
            "squadron", "command", "mobilization", "mobilisation", "resistance", "gendarmerie", "police");
    /** Group words that may follow a capitalised name in lower case ("the Bani Malik clan"). */
    private static final Set<String> LOWER_HEADS = Set.of("clan", "tribe", "militia", "brigade", "brigades", "battalion",
            "faction");
    /** Arabic group words that open a name ("Kataib al-Fajr", "Liwa Fatemiyoun", "Jaysh al-Islam"). */
    private static final Set<String> OPENING_HEADS = Set.of("liwa", "kataib", "kataeb", "katibat", "saraya", "jaysh", "jaish",
            "harakat", "ansar", "faylaq", "firqat", "jabhat", "alwiya", "liwaa", "quwat", "tajammu", "asaib", "hizb",
            "jund", "fatah", "ahrar", "thuwar", "tanzim");
    /** Particles that may stand inside a name. */
    private static final Set<String> INNER = Set.of("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "abu",
            "of", "the", "de", "du", "la", "i");
    /** Generic words before "of the X" that name X's members ("Forces of the Government of National Accord"). */
    private static final Set<String> MEMBERS = Set.of("forces", "units", "members", "fighters", "troops", "elements", "militiamen");
    /** Bodies with a group word that hold no arms ("the UN Security Council", "Human Rights Council"). */
    private static final Set<String> NOT_ARMED = Set.of("nations", "rights", "security council", "red", "crescent",
            "cross", "relief", "medical", "health", "monitoring", "panel", "parliamentary", "electoral", "press", "media",
            "football", "club", "research");
    private static final Set<String> NOT_START = Set.of("the", "a", "an", "this", "that", "these", "those", "but", "and",
            "or", "in", "on", "at", "for", "of", "to", "from", "with", "by", "as", "if", "when", "while", "after", "before",
            "our", "we", "they", "he", "she", "it", "his", "her", "their", "its", "during", "since", "until", "both",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "title", "outlet",
            "published", "summary", "photo", "video", "caption", "update", "breaking", "officials", "residents",
            "witnesses", "sources", "some", "several", "many", "all", "each", "every", "other", "former", "local");
    /** Plural nouns that name a class of holders by what they do ("smugglers"), bare or described. */
    private static final Set<String> CLASSES = Set.of("smugglers", "traffickers", "looters", "bandits", "mercenaries",
            "kidnappers", "poachers", "pirates", "raiders", "arms dealers", "dealers");
    /**
     * Plural nouns for armed men: a class only with a describing word ("tribal fighters", "unidentified
     * gunmen"); bare ("Fighters fire …") they refer to a group named elsewhere.
     */
    private static final Set<String> PERSONNEL = Set.of("fighters", "militants", "gunmen", "insurgents", "rebels",
            "tribesmen", "jihadists", "extremists", "militiamen");
    /** Words after a class noun that make it part of a longer description ("fighters of the X", "fighters loyal to"). */
    private static final Set<String> CLASS_TIED = Set.of("of", "from", "loyal", "linked", "affiliated", "belonging",
            "allied", "aligned", "backed", "who");
    private static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "her", "whose", "our", "s", "the");

    private GroupNames() {}

    /** Group names and holder classes of {@code t}, none overlapping {@code taken}. */
    public static List<Mention> extract(AnalyzedText t, List<Mention> taken) {
        List<Mention> out = new ArrayList<>();
        String text = t.text();
        int w = 0;
        while (w < t.words()) {
            if (!startsName(t, w)) {
                w++;
                continue;
            }
            int e = w + 1;
            while (e < t.words() && t.sentenceOf(e) == t.sentenceOf(w) && joined(text, t.end(e - 1), t.start(e))) {
                String k = t.key(e);
                if (t.capitalized(e) && !Character.isDigit(text.charAt(t.start(e)))) e++;
                else if (INNER.contains(k) && !(k.equals("the") && !t.key(e - 1).equals("of"))) e++;
                else break;
            }
            while (e > w + 1 && INNER.contains(t.key(e - 1))) e--;
            // a lower-case group word right after the name: "the Bani Malik clan"
            boolean lowerHead = e < t.words() && t.sentenceOf(e) == t.sentenceOf(w) && text.startsWith(" ", t.end(e - 1))
                    && t.start(e) == t.end(e - 1) + 1 && LOWER_HEADS.contains(t.key(e)) && !t.capitalized(e);
            int end = lowerHead ? e + 1 : e;
            Mention m = name(t, w, end, lowerHead, taken);
            if (m != null) out.add(m);
            w = Math.max(e, w + 1);
        }
        out.addAll(classes(t, taken, out));
        return out;
    }

    private static boolean startsName(AnalyzedText t, int w) {
        return Character.isUpperCase(t.text().charAt(t.start(w))) && !NOT_START.contains(t.key(w));
    }

    /** The organisation named by words [from, to), or null when the run has no group shape. */
    private static Mention name(AnalyzedText t, int from, int to, boolean lowerHead, List<Mention> taken) {
        // "Forces of the Government of National Accord": the members' word names the rest
        if (MEMBERS.contains(t.key(from)) && to - from > 3 && t.key(from + 1).equals("of")) {
            int rest = from + 2;
            if (t.key(rest).equals("the")) rest++;
            Mention inner = name(t, rest, to, lowerHead, taken);
            if (inner != null) return inner;
        }
        String shape = null;
        String last = t.key(to - 1);
        if (HEADS.contains(last) || lowerHead) shape = "name ending in the group word '" + t.word(to - 1) + "'";
        else if (OPENING_HEADS.contains(t.key(from)) && to - from >= 2) shape = "name opening with the group word '" + t.word(from) + "'";
        else if (t.key(from).equals("government") && to - from >= 3 && t.key(from + 1).equals("of")) shape = "'Government of' name";
        else {
            for (int i = from; i + 1 < to; i++) {
                if (HEADS.contains(t.key(i)) && t.key(i + 1).equals("of")) {
                    shape = "group word '" + t.word(i) + "' followed by 'of'";
                    break;
                }
            }
        }
        if (shape == null) return null;
        int content = 0;
        for (int i = from; i < to; i++) if (!INNER.contains(t.key(i))) content++;
        if (content < 2) return null;
        String name = t.text().substring(t.start(from), t.end(to - 1));
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String padded = " " + lower + " ";
        for (String no : NOT_ARMED) if (padded.contains(no) && padded.contains(" " + no + " ")) return null;
        // a heading written in capitals ("ARMED FORCES STATEMENT") is not a name
        if (name.length() > 6 && name.equals(name.toUpperCase(java.util.Locale.ROOT))) return null;
        int s = t.start(from);
        int e = t.end(to - 1);
        // a place or a person's name may stand inside a group's name ("Bani Malik clan", "Zawiya Martyrs Battalion")
        for (Mention m : taken) {
            if (m.type() == MentionType.PLACE || !m.overlaps(s, e)) continue;
            boolean person = "official".equals(m.detail().get("category")) || "person".equals(m.detail().get("kind"));
            if (!(person && m.start() >= s && m.end() <= e && m.end() - m.start() < e - s)) return null;
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("category", t.key(from).equals("government") ? "government" : "armed-group");
        detail.put("kind", "group-name");
        detail.put("shape", shape);
        return new Mention(MentionType.ACTOR, name, s, e, null, detail);
    }

    /** "smugglers", "local militiamen": a class of holders, when nothing before the noun names whose they are. */
    private static List<Mention> classes(AnalyzedText t, List<Mention> taken, List<Mention> names) {
        List<Mention> out = new ArrayList<>();
        for (int w = 0; w < t.words(); w++) {
            boolean personnel = PERSONNEL.contains(t.key(w));
            if (!CLASSES.contains(t.key(w)) && !personnel) continue;
            int p = w - 1;
            // skip lower-case describing words: "local", "armed", "unidentified"
            while (p >= 0 && t.sentenceOf(p) == t.sentenceOf(w) && describing(t.key(p))
                    && (!t.capitalized(p) || p == 0 || t.sentenceOf(p - 1) != t.sentenceOf(p))) p--;
            if (personnel && p == w - 1) continue;
            if (p >= 0 && t.sentenceOf(p) == t.sentenceOf(w)
                    && (t.capitalized(p) || POSSESSIVES.contains(t.key(p)) || t.text().charAt(t.end(p)) == '\'')) continue;
            if (w + 1 < t.words() && t.sentenceOf(w + 1) == t.sentenceOf(w) && CLASS_TIED.contains(t.key(w + 1))) continue;
            int s = t.start(w);
            int e = t.end(w);
            boolean clash = false;
            for (Mention m : taken) if (m.overlaps(s, e)) clash = true;
            for (Mention m : names) if (m.overlaps(s, e)) clash = true;
            if (clash) continue;
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("category", "collective");
            detail.put("kind", "holder-class");
            detail.put("shape", "plural noun naming a class of holders");
            out.add(new Mention(MentionType.ACTOR, t.word(w), s, e, null, detail));
        }
        return out;
    }

    /** A lower-case word that describes a class ("local", "armed", "tribal", "unidentified", "Islamist"). */
    private static boolean describing(String k) {
        if (POSSESSIVES.contains(k)) return false;
        return k.equals("local") || k.equals("armed") || k.endsWith("al") || k.endsWith("ed") || k.endsWith("an")
                || k.endsWith("ish") || k.endsWith("ic") || k.endsWith("ist");
    }

    private static boolean joined(String text, int end, int start) {
        String gap = text.substring(end, start);
        return gap.equals(" ") || gap.equals("-") || gap.equals("'") || gap.equals("\u2019");
    }
}
