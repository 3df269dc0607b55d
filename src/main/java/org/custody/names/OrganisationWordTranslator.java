package org.custody.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words of organisation names that lists translate rather than transliterate become one English word on both
 * sides: "ARMED ISLAMIC GROUP" and الجماعة الاسلامية المسلحة (al-jama'a al-islamiya al-musallaha) both read
 * "group islamic armed"; "Jaysh al-Muhajirin" meets "Army of Emigrants". The words are data
 * ({@code organisation-words.txt} beside this class), translated only in a name with two such words or one and an
 * organisation-type word (see {@link #organisationName}). A word in Arabic script is recognised by the exact token its
 * listed spelling analyses to (so the skeleton of a personal name never passes for it); a Latin word by its text or
 * its romanisation fold. A word followed by "Allah" is left alone: it is part of a compound name (Ansar Allah =
 * Ansarallah), which lists write as one word in Latin.
 */
public final class OrganisationWordTranslator implements AnalysisStep.TokenStep {

    static final String RESOURCE = "organisation-words.txt";

    /** Analysed token text → English word; Arabic-script tokens and Latin tokens kept apart. */
    private record Glossary(Map<String, String> latin, Map<String, String> abjad, Set<String> allah) {}

    /** The Latin forms, read when the class loads (cheap: no transliteration). */
    private static final Glossary LATIN = load(false);

    /**
     * The Arabic-script spellings too, analysed on first use: analysing them starts ICU's transliterators (a fifth of
     * a second), which a cold one-name screen of a Latin name never otherwise needs.
     */
    private static final class WithArabicScript {
        static final Glossary GLOSSARY = load(true);
    }

    @Override public String name() { return "organisation-word-translations"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        if (!organisationName(tokens)) return tokens;
        List<NameToken> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            String english = english(t);
            if (english == null || english.equals(t.text())) continue;
            if (i + 1 < tokens.size() && beforeAllah(tokens.get(i + 1))) continue;
            if (out == null) out = new ArrayList<>(tokens);
            out.set(i, new NameToken(english, t.surface(), t.weak(), false));
        }
        return out == null ? tokens : out;
    }

    /**
     * Whether the name reads as an organisation's: it holds an organisation-type word (group, network, exchange ...,
     * in any of its forms) or two glossary words. One glossary word alone is no sign: "al-Masri" and "al-Libi" are
     * family names (nisbas) far more often than "Egyptian" or "Libyan" in a group's name, and a person's name must
     * keep its spelling for misspelt queries to meet it.
     */
    private static boolean organisationName(List<NameToken> tokens) {
        int glossaryWords = 0;
        for (NameToken t : tokens) {
            if (OrganisationTypeMarker.classOf(t) != null) return true;
            String e = english(t);
            if (e == null) continue;
            if (OrganisationTypeMarker.classOf(NameToken.of(e, false)) != null || ++glossaryWords == 2) return true;
        }
        return false;
    }

    /** The English word a token translates to, or null. */
    static String english(NameToken t) {
        if (t.abjad()) return WithArabicScript.GLOSSARY.abjad().get(t.text());
        String e = LATIN.latin().get(t.text());
        return e != null || t.text().length() < 4 ? e : LATIN.latin().get(RomanisationFolder.fold(t.text()));
    }

    private static boolean beforeAllah(NameToken next) {
        return (next.abjad() ? WithArabicScript.GLOSSARY : LATIN).allah().contains(next.text());
    }

    private static Glossary load(boolean arabicScript) {
        try (InputStream in = OrganisationWordTranslator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), arabicScript);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The glossary from lines of the resource's format; a form given for two words is an error naming its line. */
    static Glossary parse(List<String> lines) {
        return parse(lines, true);
    }

    /** The same, with the Arabic-script spellings analysed only when {@code arabicScript}. */
    static Glossary parse(List<String> lines, boolean arabicScript) {
        NameAnalyzer spellings = arabicScript ? NameAnalyzer.throughArticleRemoval() : null;
        Map<String, String> latin = new HashMap<>(), abjad = new HashMap<>();
        for (int no = 1; no <= lines.size(); no++) {
            String line = lines.get(no - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':'), semicolon = line.indexOf(';');
            if (colon < 1 || semicolon < colon) {
                throw new IllegalArgumentException(RESOURCE + " line " + no + ": expected 'english: forms; arabic-script spellings'");
            }
            String english = line.substring(0, colon).strip();
            put(latin, english, english, no);
            for (String form : line.substring(colon + 1, semicolon).strip().split("\\s+")) {
                if (form.isEmpty()) continue;
                put(latin, form, english, no);
                if (form.length() >= 4) put(latin, RomanisationFolder.fold(form), english, no);
            }
            for (String spelling : line.substring(semicolon + 1).strip().split("\\s+")) {
                if (spelling.isEmpty() || spellings == null) continue;
                List<NameToken> analysed = spellings.analyse(spelling).tokens();
                if (analysed.size() != 1 || !analysed.getFirst().abjad()) {
                    throw new IllegalArgumentException(RESOURCE + " line " + no + ": '" + spelling
                            + "' is not one word in Arabic script");
                }
                put(abjad, analysed.getFirst().text(), english, no);
            }
        }
        Set<String> allah = new java.util.HashSet<>(Set.of("allah", "ullah", "ulla"));
        if (spellings != null) allah.add(spellings.analyse("الله").tokens().getFirst().text());
        return new Glossary(Map.copyOf(latin), Map.copyOf(abjad), Set.copyOf(allah));
    }

    private static void put(Map<String, String> map, String form, String english, int line) {
        String before = map.putIfAbsent(form, english);
        if (before != null && !before.equals(english)) {
            throw new IllegalArgumentException(RESOURCE + " line " + line + ": '" + form + "' is already a form of '" + before + "'");
        }
    }
}
