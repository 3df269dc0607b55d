package org.custody.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Organisation-type words ("Brigades", "Kata'ib", "Battalion", "Organization", "Corps", "LLC", "Company")
 * and function words ("of", "the") are marked weak rather than dropped: they still align, but carry
 * little weight, so "Trading LLC" cannot match on them alone. Synonyms across languages share one
 * canonical word, so "Hizballah Brigades" aligns with "Kata'ib Hizballah" (kata'ib = brigades).
 * Tokens from Arabic script are recognised by consonant skeleton, since they carry no short vowels.
 */
public final class OrganisationTypeMarker implements AnalysisStep.TokenStep {

    private static final Map<String, List<String>> CLASSES = Map.ofEntries(
            // kata'ib, katiba, liwa: Arabic for brigades/battalions; lists translate them either way
            Map.entry("brigade", List.of("brigade", "brigades", "kataib", "kataeb", "liwa", "liwaa", "alwiya",
                    "battalion", "battalions", "katiba", "katibat", "kateeba", "regiment")),
            Map.entry("organization", List.of("organization", "organisation", "organizations", "organisations",
                    "org", "munazzama", "munazamat", "munazzamat", "tanzim")),
            Map.entry("corps", List.of("corps")),
            Map.entry("force", List.of("force", "forces")),
            Map.entry("movement", List.of("movement", "harakat", "haraka", "harakah")),
            Map.entry("front", List.of("front", "jabhat", "jabha", "jabhah")),
            Map.entry("group", List.of("group", "groups", "holding", "holdings", "network")),
            // "money exchange" (a hawala or exchange house) is one type, صرافی in Persian lists
            Map.entry("exchange", List.of("exchange", "exchanges", "money")),
            Map.entry("office", List.of("office", "offices", "bureau")),
            Map.entry("society", List.of("society", "association", "associations")),
            Map.entry("company", List.of("company", "companies", "co", "corp", "corporation", "inc", "incorporated",
                    "llc", "ltd", "limited", "plc", "gmbh", "ag", "sa", "sarl", "srl", "spa", "bv", "nv",
                    "jsc", "ojsc", "cjsc", "pjsc", "oao", "zao", "ooo", "pao", "fze", "fzco", "fzc", "fzllc",
                    "llp", "lp", "pte", "pty", "sdn", "bhd", "kft", "sherkat", "shirkat", "sharikat", "sharika",
                    "societe", "sociedad", "cia", "compania", "companhia", "establishment", "est", "liability",
                    // legal forms spelled out in Russian and Persian romanisation
                    "obshchestvo", "aktsionernoe", "otkrytoe", "zakrytoe", "publichnoe", "ogranichennoi",
                    "ogranichennoy", "otvetstvennostyu", "otvetstvennostiu", "tovarishchestvo", "kompaniya",
                    "sahami", "khass", "khas", "firma")),
            Map.entry("trading", List.of("trading", "trade", "traders", "commercial", "commerce")),
            Map.entry("industry", List.of("industries", "industry", "industrial", "manufacturing")),
            Map.entry("enterprise", List.of("enterprise", "enterprises", "services", "service")),
            Map.entry("international", List.of("international", "intl", "global", "general")));
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "in", "on", "de", "del",
            "des", "du", "la", "le", "los", "las", "y", "et", "und", "fi", "wa", "min", "li");
    /** Legal-form words, for {@link FamilyNameReorder}: "CECOEX, S.A." is not "FAMILY, Given". */
    private static final Set<String> LEGAL_FORMS = Set.copyOf(CLASSES.get("company"));

    /**
     * The words an Arabic- or Persian-script token is recognised as by consonant skeleton: only words of
     * those languages, so that "التكريتي" (al-Tikriti, skeleton tkrt) is not taken for the Russian
     * "otkrytoe" (open joint-stock), nor "الشام" (al-Sham) for the Persian "sahami".
     */
    private static final Set<String> ARABIC_SCRIPT_WORDS = Set.of("kataib", "kataeb", "liwa", "liwaa", "alwiya",
            "katiba", "katibat", "kateeba", "munazzama", "munazamat", "munazzamat", "tanzim", "harakat", "haraka",
            "harakah", "jabhat", "jabha", "jabhah", "sherkat", "shirkat", "sharikat", "sharika");

    private static final Map<String, String> BY_WORD = new HashMap<>();
    private static final Map<String, String> BY_SKELETON = new HashMap<>();

    static {
        for (var e : CLASSES.entrySet()) {
            for (String w : e.getValue()) {
                BY_WORD.put(w, e.getKey());
                if (w.length() > 2) BY_WORD.put(RomanisationFolder.fold(w), e.getKey());
                String sk = RomanisationFolder.skeleton(RomanisationFolder.fold(w));
                if (sk.length() >= 3 && ARABIC_SCRIPT_WORDS.contains(w)) BY_SKELETON.putIfAbsent(sk, e.getKey());
            }
            BY_WORD.put(e.getKey(), e.getKey());
        }
    }

    @Override public String name() { return "organisation-words"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            if (t.weak()) continue;
            String cls = classOf(t);
            NameToken marked = null;
            if (cls != null) marked = t.asWeak(cls);
            else if (FUNCTION_WORDS.contains(t.text()) && tokens.size() > 1) marked = t.asWeak(t.text());
            if (marked != null) {
                if (out == null) out = new ArrayList<>(tokens);
                out.set(i, marked);
            }
        }
        if (out == null) return tokens;
        return out;
    }

    /** The canonical organisation-type word for a token, or null. */
    public static String classOf(NameToken t) {
        String cls = BY_WORD.get(t.text());
        if (cls == null && t.text().length() > 2) cls = BY_WORD.get(RomanisationFolder.fold(t.text()));
        if (cls == null && t.abjad()) {
            String sk = RomanisationFolder.skeleton(RomanisationFolder.fold(t.text()));
            if (sk.length() >= 3) cls = BY_SKELETON.get(sk);
        }
        return cls;
    }

    /** True when the canonical class word itself names an organisation type ("brigade", "company"). */
    public static boolean isClassWord(String text) {
        return CLASSES.containsKey(text);
    }

    static boolean isLegalForm(String lowerWord) {
        return LEGAL_FORMS.contains(lowerWord);
    }
}
