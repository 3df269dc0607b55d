package org.custody.evidence.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.custody.evidence.nlp.AnalyzedText;

/** Reading the bundled tab-separated tables, and the case rules every lexicon applies to its aliases. */
final class Lexicon {

    private Lexicon() {}

    /** Rows of a bundled TSV (comments and the header skipped), each split on tabs. */
    static List<String[]> rows(String resource) {
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing bundled resource " + resource);
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                if (header) {
                    header = false;
                    continue;
                }
                out.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** How an alias must be written in the text to count. */
    enum CaseRule {
        /** an all-capital acronym ("IS", "KH", "AP"): only as capitals in the text */
        ACRONYM,
        /** a proper name: its first word capitalised in the text */
        CAPITALISED,
        /** a common phrase ("militias"): any case */
        ANY;

        static CaseRule of(String alias) {
            String letters = alias.replaceAll("[^\\p{L}]", "");
            if (!letters.isEmpty() && letters.length() <= 5 && letters.equals(letters.toUpperCase(java.util.Locale.ROOT))
                    && !letters.equals(letters.toLowerCase(java.util.Locale.ROOT))) {
                return ACRONYM;
            }
            char first = alias.strip().isEmpty() ? 'a' : alias.strip().charAt(0);
            if (Character.isUpperCase(first)) return CAPITALISED;
            if (!Character.isLetter(first)) return CAPITALISED;
            // "al-Hashd", "pro-Iran militias": lower-case article or prefix, capitalised name after it
            for (String w : alias.split("[\\s-]+")) if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) return CAPITALISED;
            return ANY;
        }

        boolean accepts(AnalyzedText t, int from, int to) {
            return switch (this) {
                case ANY -> true;
                case CAPITALISED -> {
                    for (int i = from; i < to; i++) if (t.capitalized(i)) yield true;
                    yield false;
                }
                case ACRONYM -> {
                    for (int i = from; i < to; i++) {
                        String w = t.word(i);
                        if (!w.equals(w.toUpperCase(java.util.Locale.ROOT))) yield false;
                    }
                    yield true;
                }
            };
        }
    }

    /** An alias's value together with the case rule of the alias spelling that was added. */
    record Entry<V>(V value, CaseRule rule) {}
}
