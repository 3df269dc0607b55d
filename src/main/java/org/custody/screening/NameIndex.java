package org.custody.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.names.AnalysedName;
import org.custody.names.NameToken;

/**
 * The in-memory candidate index: a vocabulary of analysed tokens with their rarity (IDF over all
 * indexed names), postings from each token to the names containing it, and two ways to find tokens
 * near a query token without scanning the vocabulary: character-trigram postings and consonant-skeleton
 * postings. Immutable after construction; per-query scratch space is per thread.
 */
final class NameIndex {

    static final int TRIGRAM_SPACE = 1 << 18;

    // vocabulary
    final String[] termText;
    final boolean[] termWeak;
    final boolean[] termAbjad;
    final float[] termIdf;
    final TokenForm[] termForm;
    final NameToken[] termToken;
    /** Per term: shaped like a patronymic ({@link ScreeningEngine#patronymicShaped}), so scoring need not look again. */
    final boolean[] termPatronymic;
    final int[][] postings;
    private final byte[] termTrigrams;
    private final Map<String, Integer> termByKey;
    private final int[][] trigramTerms;
    private final Map<String, int[]> skeletonTerms;
    // names
    final int[] nameEntity;
    final int[] nameAlias;
    final int[][] nameTerms;
    /**
     * The same term ids side by side for all names (name {@code n}'s at {@code nameStart[n]} up to
     * {@code nameStart[n + 1]}), with each token's weight as scoring uses it (rarity times its place's
     * factor, see {@link ScreeningEngine#partFactor}): scoring a candidate reads two arrays instead of
     * following a pointer per name and per token.
     */
    final int[] nameStart;
    final int[] nameTermFlat;
    final double[] nameTokenWeight;
    final float[] nameWeight;
    final int[] nameSteps;
    final boolean[] nameWeakAlias;
    final int nameCount;
    final int[] termDf;
    final double unknownIdf;
    final double weakFactor;

    private final ThreadLocal<Scratch> scratch;

    record TermMatch(int term, double sim) { }

    /** Analysed names to index: entity index, alias index, analysis, bitmask of applied steps. */
    record Source(int entity, int alias, AnalysedName analysed, int steps, boolean weakAlias) { }

    /**
     * What an index is built from, before anything is derived: the vocabulary (each distinct analysed
     * token: text, weak, abjad) and each name's entity, alias, applied-step mask, weak-alias flag and term
     * ids. {@link EngineSnapshot} stores exactly this, so a restored index equals a freshly built one.
     */
    record Layout(String[] termText, boolean[] termWeak, boolean[] termAbjad, int[] nameEntity, int[] nameAlias,
                  int[] nameSteps, boolean[] nameWeakAlias, int[][] nameTerms) {

        static Layout of(List<Source> sources) {
            Map<String, Integer> byKey = new HashMap<>();
            List<String> texts = new ArrayList<>();
            List<Boolean> weak = new ArrayList<>();
            List<Boolean> abjad = new ArrayList<>();
            int count = sources.size();
            int[] entity = new int[count], alias = new int[count], steps = new int[count];
            boolean[] weakAlias = new boolean[count];
            int[][] terms = new int[count][];
            for (int n = 0; n < count; n++) {
                Source src = sources.get(n);
                entity[n] = src.entity();
                alias[n] = src.alias();
                steps[n] = src.steps();
                weakAlias[n] = src.weakAlias();
                List<NameToken> toks = src.analysed().tokens();
                int[] ids = new int[toks.size()];
                for (int k = 0; k < toks.size(); k++) {
                    NameToken t = toks.get(k);
                    String key = key(t.text(), t.weak(), t.abjad());
                    Integer id = byKey.get(key);
                    if (id == null) {
                        id = texts.size();
                        byKey.put(key, id);
                        texts.add(t.text());
                        weak.add(t.weak());
                        abjad.add(t.abjad());
                    }
                    ids[k] = id;
                }
                terms[n] = ids;
            }
            boolean[] w = new boolean[texts.size()], a = new boolean[texts.size()];
            for (int t = 0; t < w.length; t++) { w[t] = weak.get(t); a[t] = abjad.get(t); }
            return new Layout(texts.toArray(new String[0]), w, a, entity, alias, steps, weakAlias, terms);
        }
    }

    NameIndex(List<Source> sources, double weakFactor) {
        this(Layout.of(sources), weakFactor);
    }

    NameIndex(Layout layout, double weakFactor) {
        this.weakFactor = weakFactor;
        nameCount = layout.nameEntity().length;
        nameEntity = layout.nameEntity();
        nameAlias = layout.nameAlias();
        nameTerms = layout.nameTerms();
        nameSteps = layout.nameSteps();
        nameWeakAlias = layout.nameWeakAlias();
        int v = layout.termText().length;
        Map<String, Integer> byKey = new HashMap<>(v * 2);
        for (int t = 0; t < v; t++) byKey.put(key(layout.termText()[t], layout.termWeak()[t], layout.termAbjad()[t]), t);
        int[] df = new int[Math.max(16, v)];
        for (int n = 0; n < nameCount; n++) {
            int[] ids = nameTerms[n];
            for (int k = 0; k < ids.length; k++) if (firstOccurrence(ids, k)) df[ids[k]]++;
        }
        termText = layout.termText();
        termWeak = layout.termWeak();
        termAbjad = layout.termAbjad();
        termIdf = new float[v];
        termTrigrams = new byte[v];
        termForm = new TokenForm[v];
        termToken = new NameToken[v];
        termPatronymic = new boolean[v];
        for (int t = 0; t < v; t++) {
            termIdf[t] = (float) idf(df[t], nameCount);
            termForm[t] = TokenForm.of(termText[t], termAbjad[t]);
            termToken[t] = new NameToken(termText[t], termText[t], termWeak[t], termAbjad[t]);
            termPatronymic[t] = ScreeningEngine.patronymicShaped(termToken[t]);
        }
        termDf = Arrays.copyOf(df, v);
        unknownIdf = idf(1, nameCount);
        // postings
        int[][] post = new int[v][];
        int[] fill = new int[v];
        for (int t = 0; t < v; t++) post[t] = new int[df[t]];
        for (int n = 0; n < nameCount; n++) {
            int[] ids = nameTerms[n];
            for (int k = 0; k < ids.length; k++) if (firstOccurrence(ids, k)) post[ids[k]][fill[ids[k]]++] = n;
        }
        postings = post;
        int tokens = 0;
        for (int n = 0; n < nameCount; n++) tokens += nameTerms[n].length;
        nameStart = new int[nameCount + 1];
        nameTermFlat = new int[tokens];
        nameTokenWeight = new double[tokens];
        for (int n = 0, at = 0; n < nameCount; n++) {
            int[] ids = nameTerms[n];
            nameStart[n] = at;
            for (int k = 0; k < ids.length; k++, at++) {
                nameTermFlat[at] = ids[k];
                nameTokenWeight[at] = termWeight(ids[k]) * ScreeningEngine.partFactor(k, ids.length, termPatronymic[ids[k]]);
            }
            nameStart[n + 1] = at;
        }
        nameWeight = new float[nameCount];
        for (int n = 0; n < nameCount; n++) {
            double w = 0;
            for (int id : nameTerms[n]) w += termWeight(id);
            nameWeight[n] = (float) w;
        }
        termByKey = byKey;
        // trigram and skeleton postings over the vocabulary (non-weak terms)
        int[] triCount = new int[TRIGRAM_SPACE];
        int[][] termGrams = new int[v][];        // each term's distinct trigrams, worked out once
        // per skeleton its terms, ascending: slot 0 holds the count (no boxed lists or streams: a cold process
        // restoring the index runs this once, mostly before the JIT has compiled it)
        Map<String, int[]> skel = new HashMap<>();
        for (int t = 0; t < v; t++) {
            if (termWeak[t]) continue;
            int[] grams = trigrams(termText[t]);
            termTrigrams[t] = (byte) Math.min(127, grams.length);
            termGrams[t] = distinct(grams);
            for (int g : termGrams[t]) triCount[g]++;
            String sk = termForm[t].skeleton();
            if (sk.length() >= 2) {
                int[] a = skel.get(sk);
                if (a == null) skel.put(sk, a = new int[4]);
                else if (a[0] + 1 == a.length) skel.put(sk, a = Arrays.copyOf(a, a.length * 2));
                a[++a[0]] = t;
            }
        }
        int[][] tri = new int[TRIGRAM_SPACE][];
        int[] triFill = new int[TRIGRAM_SPACE];
        for (int t = 0; t < v; t++) {
            if (termWeak[t]) continue;
            for (int g : termGrams[t]) {
                if (tri[g] == null) tri[g] = new int[triCount[g]];
                tri[g][triFill[g]++] = t;
            }
        }
        trigramTerms = tri;
        for (Map.Entry<String, int[]> e : skel.entrySet()) {
            int[] a = e.getValue();
            e.setValue(Arrays.copyOfRange(a, 1, a[0] + 1));
        }
        skeletonTerms = skel;
        int terms = v, names = nameCount;
        scratch = ThreadLocal.withInitial(() -> new Scratch(terms, names));
    }

    /** True when {@code ids[k]} does not occur earlier in {@code ids} (names have a handful of tokens). */
    private static boolean firstOccurrence(int[] ids, int k) {
        for (int x = 0; x < k; x++) if (ids[x] == ids[k]) return false;
        return true;
    }

    static double idf(int df, int n) {
        return Math.log(1.0 + (double) n / Math.max(1, df));
    }

    double termWeight(int term) {
        return termIdf[term] * (termWeak[term] ? weakFactor : 1.0);
    }

    static String key(String text, boolean weak, boolean abjad) {
        return (weak ? "~" : "") + (abjad ? "^" : "") + text;
    }

    int vocabularySize() {
        return termText.length;
    }

    Integer exactTerm(String text, boolean weak, boolean abjad) {
        Integer t = termByKey.get(key(text, weak, abjad));
        if (t == null && abjad) t = termByKey.get(key(text, weak, false));
        if (t == null && !abjad) t = termByKey.get(key(text, weak, true));
        return t;
    }

    /**
     * Vocabulary terms similar to a query token: exact, via shared trigrams, via equal consonant skeleton;
     * each verified with {@link TokenSimilarity}; best first, at most {@code max}.
     */
    List<TermMatch> similarTerms(TokenForm query, boolean weak, double minSim, int max) {
        String text = query.text();
        List<TermMatch> out = new ArrayList<>();
        Integer exact = exactTerm(text, weak, query.abjad());
        if (exact != null) out.add(new TermMatch(exact, 1.0));
        if (weak || text.length() < 3) return out;
        Scratch s = scratch.get();
        s.newRound();
        int[] grams = distinct(trigrams(text));
        int touched = countShared(grams, s, 0);
        // a glued article ("almuhandis"): also count the trigrams of the rest
        if (query.gluedArticle()) touched = countShared(distinct(trigrams(text.substring(2))), s, touched);
        int qn = grams.length;
        // keep the terms sharing enough trigrams; verify at most VERIFY of them, most overlapping first
        int kept = 0;
        for (int k = 0; k < touched; k++) {
            int t = s.termTouched[k];
            int c = s.termCount[t];
            s.termCount[t] = 0;
            if (exact != null && t == exact) continue;
            double dice = 2.0 * c / (qn + termTrigrams[t]);
            if (dice < MIN_DICE) continue;
            s.termTouched[kept] = t;
            s.termDice[kept++] = (float) dice;
        }
        if (kept > VERIFY) {
            float cut = kthLargest(s.termDice, kept, VERIFY, s.selectWork);
            int m = 0;
            for (int k = 0; k < kept && m < VERIFY; k++) {
                if (s.termDice[k] >= cut) { s.termTouched[m] = s.termTouched[k]; s.termDice[m++] = s.termDice[k]; }
            }
            kept = m;
        }
        for (int k = 0; k < kept; k++) {
            int t = s.termTouched[k];
            double sim = TokenSimilarity.similarity(query, termForm[t], minSim);
            if (sim >= minSim) out.add(new TermMatch(t, sim));
        }
        String sk = query.skeleton();
        if (sk.length() >= 2) {
            int[] ts = skeletonTerms.get(sk);
            if (ts != null && ts.length <= 2000) {
                for (int t : ts) {
                    if (exact != null && t == exact) continue;
                    if (contains(out, t)) continue;
                    double sim = TokenSimilarity.similarity(query, termForm[t], minSim);
                    if (sim >= minSim) out.add(new TermMatch(t, sim));
                }
            }
        }
        out.sort((a, b) -> Double.compare(b.sim(), a.sim()));
        return out.size() > max ? new ArrayList<>(out.subList(0, max)) : out;
    }

    /** Adds one to the count of every (non-weak) term containing each of the grams; returns the touched count. */
    private int countShared(int[] grams, Scratch s, int touched) {
        for (int g : grams) {
            int[] ts = trigramTerms[g];
            if (ts == null) continue;
            for (int t : ts) {
                if (s.termCount[t] == 0) s.termTouched[touched++] = t;
                s.termCount[t]++;
            }
        }
        return touched;
    }

    static final double MIN_DICE = 0.3;
    static final int VERIFY = 120;

    /**
     * The {@code k}-th largest of the first {@code n} values of {@code a} (the value sorting them would put
     * at {@code n - k}), found by quickselect in {@code work} in linear time: a common token touches
     * thousands of vocabulary terms, and sorting all their overlaps was a visible share of a query.
     */
    static float kthLargest(float[] a, int n, int k, float[] work) {
        System.arraycopy(a, 0, work, 0, n);
        int target = n - k, lo = 0, hi = n - 1;
        while (lo < hi) {
            float pivot = work[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (work[i] < pivot) i++;
                while (work[j] > pivot) j--;
                if (i <= j) {
                    float t = work[i]; work[i] = work[j]; work[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else break;                 // between j and i every value equals the pivot
        }
        return work[target];
    }

    private static boolean contains(List<TermMatch> list, int t) {
        for (TermMatch m : list) if (m.term() == t) return true;
        return false;
    }

    /**
     * Candidate names for a query: each query slot's similar terms add their weight times similarity
     * to the names in their postings (once per slot and name); names are ranked by that sum relative
     * to the two names' total weight (a Dice estimate of the final score).
     */
    int[] candidates(List<List<TermMatch>> slotMatches, double queryWeight, int k) {
        Scratch s = scratch.get();
        s.newRound();
        int stamp = s.stamp;
        int touched = 0;
        // organisation words and very common tokens only rank names when nothing rarer was found
        int common = Math.max(2000, nameCount / 50);
        boolean rarer = false;
        for (List<TermMatch> ms : slotMatches) {
            for (TermMatch m : ms) if (!termWeak[m.term()] && termDf[m.term()] <= common) rarer = true;
        }
        for (int slot = 0; slot < slotMatches.size(); slot++) {
            for (TermMatch m : slotMatches.get(slot)) {
                if (rarer && (termWeak[m.term()] || termDf[m.term()] > common)) continue;
                double w = termWeight(m.term()) * m.sim();
                float fw = (float) w;
                int[] state = s.nameState;
                for (int n : postings[m.term()]) {
                    int at = 3 * n;
                    if (state[at] != stamp) {
                        state[at] = stamp;
                        state[at + 1] = slot;
                        state[at + 2] = Float.floatToRawIntBits(fw);
                        if (touched == s.nameTouched.length) s.nameTouched = Arrays.copyOf(s.nameTouched, touched * 2);
                        s.nameTouched[touched++] = n;
                    } else if (state[at + 1] != slot) {
                        state[at + 1] = slot;
                        state[at + 2] = Float.floatToRawIntBits(Float.intBitsToFloat(state[at + 2]) + fw);
                    }
                }
            }
        }
        // top-k by Dice estimate with a small binary min-heap
        int size = Math.min(k, touched);
        int[] heap = new int[size];
        float[] hv = new float[size];
        int h = 0;
        for (int x = 0; x < touched; x++) {
            int n = s.nameTouched[x];
            float v = (float) (2.0 * Float.intBitsToFloat(s.nameState[3 * n + 2]) / (queryWeight + nameWeight[n]));
            if (h < size) {
                heap[h] = n; hv[h] = v; siftUp(heap, hv, h); h++;
            } else if (size > 0 && v > hv[0]) {
                heap[0] = n; hv[0] = v; siftDown(heap, hv, 0, size);
            }
        }
        return Arrays.copyOf(heap, h);
    }

    private static void siftUp(int[] heap, float[] hv, int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (hv[p] <= hv[i]) break;
            swap(heap, hv, p, i);
            i = p;
        }
    }

    private static void siftDown(int[] heap, float[] hv, int i, int size) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < size && hv[l] < hv[m]) m = l;
            if (r < size && hv[r] < hv[m]) m = r;
            if (m == i) return;
            swap(heap, hv, m, i);
            i = m;
        }
    }

    private static void swap(int[] heap, float[] hv, int a, int b) {
        int t = heap[a]; heap[a] = heap[b]; heap[b] = t;
        float f = hv[a]; hv[a] = hv[b]; hv[b] = f;
    }

    static int[] trigrams(String text) {
        String p = "^" + text + "$";
        int n = p.length() - 2;
        int[] out = new int[Math.max(0, n)];
        for (int i = 0; i < n; i++) out[i] = (code(p.charAt(i)) << 12) | (code(p.charAt(i + 1)) << 6) | code(p.charAt(i + 2));
        return out;
    }

    private static int code(char c) {
        if (c >= 'a' && c <= 'z') return c - 'a' + 1;
        if (c >= '0' && c <= '9') return c - '0' + 27;
        if (c == '^') return 37;
        if (c == '$') return 38;
        return 39 + (c % 24);
    }

    private static int[] distinct(int[] a) {
        if (a.length < 2) return a;
        int[] c = a.clone();
        Arrays.sort(c);
        int m = 1;
        for (int i = 1; i < c.length; i++) if (c[i] != c[m - 1]) c[m++] = c[i];
        return m == c.length ? c : Arrays.copyOf(c, m);
    }

    private static final class Scratch {
        final int[] termCount;
        final int[] termTouched;
        final float[] termDice;
        final float[] selectWork;
        /**
         * Per name, side by side so one touch of a name costs one cache line: the round it was last
         * touched in, the last slot that added to it, and its accumulated weight (float bits).
         */
        final int[] nameState;
        int[] nameTouched;
        int stamp;

        Scratch(int terms, int names) {
            termCount = new int[terms];
            termTouched = new int[terms];
            termDice = new float[terms];
            selectWork = new float[terms];
            nameState = new int[3 * names];
            nameTouched = new int[1024];
        }

        void newRound() {
            stamp++;
        }
    }
}
