package org.custody.countries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Country names to ISO 3166-1 alpha-2 codes, so that "IQ", "IRQ", "Iraq", "Iraqi", "العراق" and
 * "Republic of Iraq" are one country and "Korea, North" is the DPRK. Names come from Java's locale data
 * (ISO alpha-2 and alpha-3 codes, the English name, and each country's name in its own languages) and
 * from {@code countries/extra-names.tsv} (demonyms, list spellings, short and former names). Matching
 * ignores case, accents, punctuation and a leading "the"; "Korea, North" is also read as "North Korea".
 * Immutable; built once.
 */
public final class Countries {

    private static final Countries STANDARD = load();

    private final Map<String, String> byKey;

    private Countries(Map<String, String> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** The table built from the locale data and the bundled extra names. */
    public static Countries standard() {
        return STANDARD;
    }

    /** The ISO alpha-2 code of a country name, code, demonym or local name; empty when unknown. */
    public Optional<String> code(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        for (String k : keys(name)) {
            String c = byKey.get(k);
            if (c != null) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The codes of several names, unknown ones left out, in first-seen order. */
    public Set<String> codes(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) code(n).ifPresent(out::add);
        return out;
    }

    /** The English name of a code ("IQ" → "Iraq"), or the code itself when Java does not know it. */
    public static String englishName(String code) {
        String n = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return n.isBlank() || n.equals(code) ? code : n;
    }

    private static Countries load() {
        Map<String, String> m = new HashMap<>();
        // the extra names first: they settle names Java's locale data spells ambiguously
        try (InputStream in = Countries.class.getResourceAsStream("/countries/extra-names.tsv")) {
            if (in == null) throw new IllegalStateException("countries/extra-names.tsv is missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                if (tab != 2) throw new IllegalStateException("countries/extra-names.tsv line " + no + ": expected CODE<tab>names");
                String code = line.substring(0, 2);
                for (String name : line.substring(3).split("\\|")) put(m, name, code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String code : Locale.getISOCountries()) {
            Locale c = Locale.of("", code);
            put(m, code, code);
            try {
                put(m, c.getISO3Country(), code);
            } catch (java.util.MissingResourceException ignored) {
                // a code without an alpha-3 form: the alpha-2 code and names still apply
            }
            put(m, c.getDisplayCountry(Locale.ENGLISH), code);
        }
        for (Locale l : Locale.getAvailableLocales()) {
            String code = l.getCountry();
            if (code.length() != 2 || l.getLanguage().isEmpty()) continue;
            put(m, l.getDisplayCountry(l), code);                 // the country's name in its own language
        }
        return new Countries(m);
    }

    private static void put(Map<String, String> m, String name, String code) {
        for (String k : keys(name)) {
            if (!k.isEmpty()) m.putIfAbsent(k, code);
        }
    }

    /** Lookup keys of a name: folded, and "Korea, North" also as "north korea", "Iran (Islamic Republic of)" also as "iran". */
    static Set<String> keys(String name) {
        Set<String> out = new LinkedHashSet<>(3);
        String s = name.strip();
        out.add(fold(s));
        int paren = s.indexOf('(');
        if (paren > 0) out.add(fold(s.substring(0, paren)));
        int comma = s.indexOf(',');
        if (comma > 0 && comma == s.lastIndexOf(',')) {
            out.add(fold(s.substring(comma + 1) + " " + s.substring(0, comma)));
        }
        return out;
    }

    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if (Character.getType(ch) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(ch)) sb.append(ch);
            else if (ch == '\'' || ch == '.' || ch == '\u2019') continue;   // "People's", "U.S.A." → "peoples", "usa"
            else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
        }
        String out = sb.toString().strip();
        return out.startsWith("the ") ? out.substring(4) : out;
    }
}
