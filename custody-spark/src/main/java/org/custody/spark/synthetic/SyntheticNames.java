package org.custody.spark.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.custody.lists.Alias;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;

/**
 * Names to screen, recombined from the tokens of real listed names (seeded, so a run is repeatable): a fifth are
 * listed names as written, a fifth have one misspelt token, two fifths join tokens of different listed names of
 * one schema, and a fifth are register-style names that rarely resemble anything listed. Some rows carry a schema,
 * a nationality or a birth year. Written as CSV with a header: name,schema,dob,nationality.
 */
public final class SyntheticNames {

    private static final String[] GIVEN = {"John", "Maria", "Ahmed", "Olga", "Li", "Carlos", "Fatima", "Peter", "Anna",
        "Omar", "Ivan", "Sara", "David", "Leila", "Hassan", "Elena", "Yusuf", "Nadia", "Tom", "Aisha"};
    private static final String[] FAMILY = {"Smith", "Garcia", "Hussein", "Petrova", "Wang", "Silva", "Rahman",
        "Muller", "Kowalski", "Haddad", "Novak", "Jensen", "Okafor", "Rossi", "Tanaka", "Dubois", "Karimi", "Brown"};
    private static final String[] COUNTRIES = {"Iraq", "Syria", "IR", "Russia", "US", "Lebanon", "Yemen", "DE", "France"};

    private final List<String[]> personTokens = new ArrayList<>();
    private final List<String[]> orgTokens = new ArrayList<>();
    private final List<String> personNames = new ArrayList<>();
    private final List<String> orgNames = new ArrayList<>();

    public SyntheticNames(List<ListEntity> entities) {
        for (ListEntity e : entities) {
            boolean person = e.schema() == Schema.PERSON;
            for (Alias a : e.allNames()) {
                String n = a.name().strip();
                if (n.isEmpty() || n.length() > 80) continue;
                (person ? personNames : orgNames).add(n);
                (person ? personTokens : orgTokens).add(n.split("\\s+"));
            }
        }
        if (personNames.isEmpty() || orgNames.isEmpty()) throw new IllegalArgumentException("the lists hold no person or no organisation names");
    }

    /** Row {@code i} of the stream seeded {@code seed}: the same arguments always give the same row. */
    public String[] row(long seed, long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        boolean person = r.nextInt(10) < 7;
        List<String> names = person ? personNames : orgNames;
        List<String[]> tokens = person ? personTokens : orgTokens;
        int kind = r.nextInt(5);
        String name = switch (kind) {
            case 0 -> names.get(r.nextInt(names.size()));
            case 1 -> misspell(names.get(r.nextInt(names.size())), r);
            case 2, 3 -> recombine(tokens, r);
            default -> GIVEN[r.nextInt(GIVEN.length)] + " " + FAMILY[r.nextInt(FAMILY.length)]
                    + (r.nextBoolean() ? "" : "-" + FAMILY[r.nextInt(FAMILY.length)]);
        };
        String schema = r.nextInt(3) == 0 ? (person ? "person" : "organization") : "";
        String dob = person && r.nextInt(4) == 0 ? Integer.toString(1940 + r.nextInt(60)) : "";
        String nat = r.nextInt(4) == 0 ? COUNTRIES[r.nextInt(COUNTRIES.length)] : "";
        return new String[] {name, schema, dob, nat};
    }

    private static String recombine(List<String[]> tokens, SplittableRandom r) {
        String[] a = tokens.get(r.nextInt(tokens.size()));
        String[] b = tokens.get(r.nextInt(tokens.size()));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.max(1, a.length - 1); k++) out.add(a[k]);
        out.add(b[b.length - 1]);
        return String.join(" ", out);
    }

    private static String misspell(String name, SplittableRandom r) {
        if (name.length() < 4) return name;
        StringBuilder sb = new StringBuilder(name);
        int p = 1 + r.nextInt(name.length() - 2);
        switch (r.nextInt(3)) {
            case 0 -> sb.deleteCharAt(p);
            case 1 -> sb.insert(p, sb.charAt(p));
            default -> {
                char c = sb.charAt(p);
                sb.setCharAt(p, sb.charAt(p + 1));
                sb.setCharAt(p + 1, c);
            }
        }
        return sb.toString();
    }

    /** Writes rows {@code from} (inclusive) to {@code to} (exclusive) as CSV with a header. */
    public void writeCsv(Path file, long seed, long from, long to) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("name,schema,dob,nationality\n");
            for (long i = from; i < to; i++) {
                String[] row = row(seed, i);
                for (int k = 0; k < row.length; k++) {
                    if (k > 0) w.write(',');
                    w.write(csv(row[k]));
                }
                w.write('\n');
            }
        }
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d person and %d organisation names", personNames.size(), orgNames.size());
    }
}
