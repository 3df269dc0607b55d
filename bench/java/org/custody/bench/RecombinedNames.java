package org.custody.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.custody.lists.Alias;
import org.custody.lists.ListEntity;
import org.custody.lists.Schema;

/**
 * Names that match nothing listed, built from the lists' own tokens: all but the last word of one listed
 * name followed by the last word of another of the same schema (persons or organisations), the way a
 * personnel register screened against the lists looks to the index (every token common in the lists,
 * the whole name on none of them). Seeded: the same seed gives the same names. The recombination is the
 * one custody-spark's synthetic screening input uses for its recombined rows; it is repeated here because
 * the benchmarks do not depend on the Spark module.
 */
final class RecombinedNames {

    private final List<String[]> personTokens = new ArrayList<>();
    private final List<String[]> orgTokens = new ArrayList<>();

    RecombinedNames(List<ListEntity> entities) {
        for (ListEntity e : entities) {
            boolean person = e.schema() == Schema.PERSON;
            for (Alias a : e.allNames()) {
                String n = a.name().strip();
                if (n.isEmpty() || n.length() > 80) continue;
                (person ? personTokens : orgTokens).add(n.split("\\s+"));
            }
        }
        if (personTokens.isEmpty() || orgTokens.isEmpty()) throw new IllegalArgumentException("the lists hold no person or no organisation names");
    }

    /** {@code n} recombined names: seven in ten from person names, the rest from organisation names. */
    List<String> names(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            List<String[]> tokens = r.nextInt(10) < 7 ? personTokens : orgTokens;
            String[] a = tokens.get(r.nextInt(tokens.size()));
            String[] b = tokens.get(r.nextInt(tokens.size()));
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < Math.max(1, a.length - 1); k++) sb.append(a[k]).append(' ');
            out.add(sb.append(b[b.length - 1]).toString());
        }
        return out;
    }
}
