package org.custody.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custody.lists.Alias;
import org.custody.lists.ListEntity;
import org.custody.screening.JaroWinkler;

/**
 * The baseline: moov-io/watchman's approach in its plainest form. Every list name and the query are
 * lower-cased, stripped of punctuation and turned from "FAMILY, Given" to "Given FAMILY"; the query is
 * compared with Jaro-Winkler against every list name; an entity scores its best name. It uses the same
 * allocation-free Jaro-Winkler as Custody, so any speed difference is the index, not the string metric.
 */
final class BruteForceJaroWinkler {

    record Ranked(int entity, double score) { }

    private final String[] names;
    private final int[] entityOf;
    private final int entityCount;

    BruteForceJaroWinkler(List<ListEntity> entities) {
        List<String> n = new ArrayList<>();
        List<Integer> e = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            for (Alias a : entities.get(i).allNames()) {
                n.add(normalise(a.name()));
                e.add(i);
            }
        }
        names = n.toArray(new String[0]);
        entityOf = e.stream().mapToInt(Integer::intValue).toArray();
        entityCount = entities.size();
    }

    static String normalise(String name) {
        String s = name;
        int comma = s.indexOf(',');
        if (comma > 0 && comma == s.lastIndexOf(',')) s = s.substring(comma + 1) + " " + s.substring(0, comma);
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").trim();
        return s;
    }

    /** Top k entities by best Jaro-Winkler over all their names: a full scan per query. */
    List<Ranked> top(String query, int k) {
        String q = normalise(query);
        double[] best = new double[entityCount];
        for (int i = 0; i < names.length; i++) {
            double s = JaroWinkler.similarity(q, names[i]);
            if (s > best[entityOf[i]]) best[entityOf[i]] = s;
        }
        // partial selection of the k best
        List<Ranked> out = new ArrayList<>(k);
        boolean[] taken = new boolean[entityCount];
        for (int r = 0; r < k; r++) {
            int bi = -1;
            for (int i = 0; i < entityCount; i++) if (!taken[i] && (bi < 0 || best[i] > best[bi])) bi = i;
            if (bi < 0) break;
            taken[bi] = true;
            out.add(new Ranked(bi, best[bi]));
        }
        return out;
    }
}
