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

/**
 * Short forms, diminutives and cross-language equivalents of a given name become its canonical form
 * ("Sasha", "Alex", "Oleksandr" → "aleksandr"; "Volodya" → "vladimir"; "MOHD" → "muhammad"), so a
 * nickname meets the listed name on both the query and the list side. The groups are data
 * ({@code given-name-variants.txt} beside this class, one group a line); forms that are also common
 * words or other name parts are not in it. Tokens from Arabic script (compared by skeleton) and
 * organisation words are left alone.
 */
public final class GivenNameVariants implements AnalysisStep.TokenStep {

    static final String RESOURCE = "given-name-variants.txt";
    private static final Map<String, String> CANONICAL = load();

    @Override public String name() { return "given-name-variants"; }

    @Override public List<NameToken> apply(List<NameToken> tokens) {
        List<NameToken> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken t = tokens.get(i);
            if (t.weak() || t.abjad()) continue;
            String c = CANONICAL.get(t.text());
            if (c != null && !c.equals(t.text())) {
                if (out == null) out = new ArrayList<>(tokens);
                out.set(i, t.withText(c));
            }
        }
        return out == null ? tokens : out;
    }

    /** The canonical form of one lower-case given name, or null when it is in no group. */
    public static String canonical(String token) {
        return CANONICAL.get(token);
    }

    private static Map<String, String> load() {
        try (InputStream in = GivenNameVariants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Groups from lines of the resource's format; a form in two groups is an error naming its line. */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> map = new HashMap<>();
        for (int no = 1; no <= lines.size(); no++) {
            String line = lines.get(no - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] forms = line.split("\\s+");
            for (String f : forms) {
                if (!f.matches("[a-z]+")) {
                    throw new IllegalArgumentException(RESOURCE + ":" + no + ": form '" + f + "' is not lower-case ASCII");
                }
                String prev = map.putIfAbsent(f, forms[0]);
                if (prev != null && !prev.equals(forms[0])) {
                    throw new IllegalArgumentException(RESOURCE + ":" + no + ": form '" + f + "' is already in the group of '" + prev + "'");
                }
            }
        }
        return Map.copyOf(map);
    }
}
