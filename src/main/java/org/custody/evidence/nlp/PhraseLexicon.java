package org.custody.evidence.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of multi-word phrases (as word keys) mapped to values, matched longest-first over an
 * {@link AnalyzedText}'s words without crossing sentences. A trie over word keys: matching costs one
 * hash lookup per word tried.
 */
public final class PhraseLexicon<V> {

    private final Node<V> root = new Node<>();
    private int size;
    private int longest;

    private static final class Node<V> {
        Map<String, Node<V>> next;
        List<V> values;
    }

    /** Adds {@code phrase} (split into word keys as text is); returns false for an empty phrase. */
    public boolean add(String phrase, V value) {
        String[] keys = Keys.phraseKeys(phrase);
        if (keys.length == 0) return false;
        Node<V> n = root;
        for (String k : keys) {
            if (n.next == null) n.next = new HashMap<>(4);
            n = n.next.computeIfAbsent(k, x -> new Node<>());
        }
        if (n.values == null) n.values = new ArrayList<>(1);
        if (!n.values.contains(value)) n.values.add(value);
        size++;
        longest = Math.max(longest, keys.length);
        return true;
    }

    public int size() {
        return size;
    }

    /** A match: words [from, to) and the values stored under that phrase. */
    public record Match<V>(int from, int to, List<V> values) {}

    /** The longest phrase starting at word {@code w} (within its sentence), or null. */
    public Match<V> longestAt(AnalyzedText t, int w) {
        Node<V> n = root;
        Match<V> best = null;
        int s = t.sentenceOf(w);
        for (int i = w; i < t.words() && i - w < longest && t.sentenceOf(i) == s; i++) {
            if (n.next == null) break;
            n = n.next.get(t.key(i));
            if (n == null) break;
            if (n.values != null) best = new Match<>(w, i + 1, n.values);
        }
        return best;
    }

    /** All non-overlapping longest matches, left to right. */
    public List<Match<V>> findAll(AnalyzedText t) {
        List<Match<V>> out = new ArrayList<>();
        int w = 0;
        while (w < t.words()) {
            Match<V> m = longestAt(t, w);
            if (m != null) {
                out.add(m);
                w = m.to();
            } else {
                w++;
            }
        }
        return out;
    }

    /** Exact lookup of a whole phrase. */
    public List<V> get(String phrase) {
        Node<V> n = root;
        for (String k : Keys.phraseKeys(phrase)) {
            if (n.next == null) return List.of();
            n = n.next.get(k);
            if (n == null) return List.of();
        }
        return n.values == null ? List.of() : List.copyOf(n.values);
    }
}
