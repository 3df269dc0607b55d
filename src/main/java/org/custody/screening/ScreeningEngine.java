package org.custody.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.custody.countries.Countries;
import org.custody.lists.Address;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;
import org.custody.lists.ListVersion;
import org.custody.lists.Schema;
import org.custody.names.AnalysedName;
import org.custody.names.NameAnalyzer;
import org.custody.names.NameToken;

/**
 * Custody's screener: every name and alias of the given entities analysed by the standard
 * {@link NameAnalyzer} chain and held in a {@link NameIndex}; a query is analysed the same way, the
 * index proposes candidate names, and each candidate is scored by token alignment with the features of
 * a {@link ScoringModel}. Immutable after {@link #build}; safe for any number of concurrent queries.
 */
public final class ScreeningEngine implements Screener {

    private static final Pattern YEAR = Pattern.compile("(1[89]\\d\\d|20\\d\\d)");

    private final List<ListEntity> entities;
    private final List<ListVersion> versions;
    private final ScreeningConfig config;
    private final NameAnalyzer analyzer;
    private final List<String> stepNames;
    private final NameIndex index;
    private final double specificInformation;
    private final SimilarTermCache termCache;
    private final double nameMatchWeight;
    private final double lowSpecificityWeight;
    /**
     * Per entity: ISO codes of its nationalities and address countries (empty when none is known), worked
     * out on first need: only queries that state a country read them, and the country table costs a cold
     * process more than restoring the whole index.
     */
    private final AtomicReferenceArray<String[]> entityCountries;
    private static final String[] NO_COUNTRIES = new String[0];
    /** The analysed words of the listed names (see {@link NameConflicts.Vocabulary}). */
    private final NameConflicts.Vocabulary listedWords = this::distinctListedWords;

    /** Two query tokens written together must be this close to a listed token to propose its names. */
    private static final double JOINED_TOKEN_SIMILARITY = 0.85;

    private ScreeningEngine(List<ListEntity> entities, List<ListVersion> versions, ScreeningConfig config,
                            NameIndex restored) {
        this.entities = List.copyOf(entities);
        this.versions = List.copyOf(versions);
        this.config = config;
        this.analyzer = NameAnalyzer.standard();
        this.stepNames = analyzer.stepNames();
        this.index = restored != null ? restored : new NameIndex(NameIndex.Layout.of(analyseNames()), config.weakTokenFactor());
        this.specificInformation = config.specificNats() * Math.log(1.0 + Math.max(1, index.nameCount));
        this.termCache = new SimilarTermCache(config.termCacheSize());
        this.nameMatchWeight = config.model().weight(ScoringModel.NAME_MATCH);
        this.lowSpecificityWeight = config.model().weight(ScoringModel.LOW_SPECIFICITY);
        this.entityCountries = new AtomicReferenceArray<>(this.entities.size());
    }

    /** The ISO codes of entity {@code e}'s nationalities and address countries. */
    private String[] entityCountries(int e) {
        String[] codes = entityCountries.get(e);
        if (codes == null) {
            ListEntity en = entities.get(e);
            List<String> names = new ArrayList<>(en.nationalities());
            for (Address a : en.addresses()) names.add(a.country());
            codes = Countries.standard().codes(names).toArray(NO_COUNTRIES);
            entityCountries.set(e, codes);      // two threads may both work it out: same value
        }
        return codes;
    }

    /** Every name and alias analysed (in parallel), one entity's repeated analysed forms dropped. */
    private List<NameIndex.Source> analyseNames() {
        List<int[]> refs = new ArrayList<>();
        for (int e = 0; e < this.entities.size(); e++) {
            int n = this.entities.get(e).allNames().size();
            for (int a = 0; a < n; a++) refs.add(new int[] {e, a});
        }
        NameIndex.Source[] analysed = new NameIndex.Source[refs.size()];
        IntStream.range(0, refs.size()).parallel().forEach(i -> {
            int[] r = refs.get(i);
            Alias alias = this.entities.get(r[0]).allNames().get(r[1]);
            AnalysedName an = analyzer.analyse(alias.name());
            analysed[i] = new NameIndex.Source(r[0], r[1], an, stepMask(an.appliedSteps()),
                    alias.strength() == AliasStrength.WEAK);
        });
        List<NameIndex.Source> sources = new ArrayList<>(analysed.length);
        int lastEntity = -1;
        Set<List<String>> seen = new HashSet<>();
        for (NameIndex.Source s : analysed) {
            if (s.analysed().isEmpty()) continue;
            if (s.entity() != lastEntity) { seen.clear(); lastEntity = s.entity(); }
            List<String> key = s.analysed().tokens().stream().map(t -> (t.weak() ? "~" : "") + t.text()).toList();
            if (seen.add(key)) sources.add(s);      // same analysed form under one entity: keep the first (strongest)
        }
        return sources;
    }

    /**
     * An engine over {@code entities} with an index built from their stored analysed names (see
     * {@link EngineSnapshot}) instead of analysing them again; it answers exactly as {@link #build} would.
     */
    static ScreeningEngine restore(List<ListEntity> entities, List<ListVersion> versions, ScreeningConfig config,
                                   NameIndex index) {
        return new ScreeningEngine(entities, versions, config, index);
    }

    /** The analysed names this engine was built from, for {@link EngineSnapshot}. */
    NameIndex.Layout layout() {
        return new NameIndex.Layout(index.termText, index.termWeak, index.termAbjad, index.nameEntity, index.nameAlias,
                index.nameSteps, index.nameWeakAlias, index.nameTerms);
    }

    /** Names of the analysis steps, in the order the step masks of {@link #layout()} refer to. */
    List<String> stepNames() {
        return stepNames;
    }

    /** Builds the engine with the default configuration. */
    public static ScreeningEngine build(List<ListEntity> entities, List<ListVersion> versions) {
        return build(entities, versions, ScreeningConfig.DEFAULT);
    }

    public static ScreeningEngine build(List<ListEntity> entities, List<ListVersion> versions, ScreeningConfig config) {
        return new ScreeningEngine(entities, versions, config, null);
    }

    public ScreeningConfig config() { return config; }

    /** Number of distinct analysed names (primary names and aliases) in the index. */
    public int indexedNames() { return index.nameCount; }

    public int entityCount() { return entities.size(); }

    /** The entities screened, in index order (unmodifiable). */
    public List<ListEntity> entities() { return entities; }

    public List<ListVersion> listVersions() { return versions; }

    /** Analyses a name with the engine's chain (for callers that want to show the normalised form). */
    public AnalysedName analyse(String name) { return analyzer.analyse(name); }

    // ------------------------------------------------------------------ screening

    @Override
    public ScreeningResult screen(ScreeningQuery query) {
        double threshold = query.threshold() != null ? query.threshold() : config.alertThreshold();
        AnalysedName qa = analyzer.analyse(query.name());
        if (qa.isEmpty() || index.nameCount == 0) return new ScreeningResult(query.name(), List.of(), versions);
        List<NameToken> qt = qa.tokens();
        TokenForm[] qf = TokenForm.ofTokens(qt);
        List<List<NameIndex.TermMatch>> slots = new ArrayList<>(qt.size() * 2);
        double[] qw = new double[qt.size()];
        for (int i = 0; i < qt.size(); i++) {
            NameToken t = qt.get(i);
            TokenForm form = qf[i] != null ? qf[i] : queryForm(t);
            List<NameIndex.TermMatch> m = termCache.get(NameIndex.key(t.text(), t.weak(), t.abjad()),
                    () -> similarTerms(form, t.weak(), 30));
            slots.add(m);
            qw[i] = estimateWeight(t, m) * partFactor(qt, i);
        }
        for (int i = 0; i + 1 < qt.size(); i++) {
            if (qf[i] == null || qf[i + 1] == null) continue;
            String joined = qf[i].text() + qf[i + 1].text();
            boolean abjad = qf[i].abjad();
            slots.add(termCache.get("+" + NameIndex.key(joined, false, abjad),
                    () -> index.similarTerms(TokenForm.of(joined, abjad), false, JOINED_TOKEN_SIMILARITY, 10)));
        }
        for (int i = 0; i < qt.size(); i++) {
            boolean inVocabulary = !slots.get(i).isEmpty() && slots.get(i).get(0).sim() >= 1.0;
            if (qf[i] != null && !inVocabulary) addSplitSlots(qf[i].text(), slots.get(i), slots);
        }
        double qTotal = 0;
        for (double w : qw) qTotal += w;
        int[] cands = index.candidates(slots, qTotal, config.candidates());
        NameAlignment.Side qSide = new NameAlignment.Side(qt, qw, qf);
        SlotTerms[] known = new SlotTerms[qt.size()];
        for (int i = 0; i < known.length; i++) known[i] = SlotTerms.of(slots.get(i));

        Evidence evidence = Evidence.of(query);
        // each entity's best name (a query has a few dozen candidates: a linear search beats a map)
        Scored[] best = new Scored[cands.length];
        int entitiesSeen = 0;
        for (int n : cands) {
            Scored s = scoreName(evidence, qSide, known, n);
            s.exactness = exactness(qa, s);
            int at = 0;
            while (at < entitiesSeen && best[at].entity != s.entity) at++;
            if (at == entitiesSeen) best[entitiesSeen++] = s;
            else if (RANKING.compare(s, best[at]) < 0) best[at] = s;
        }
        List<Scored> ranked = new ArrayList<>(Arrays.asList(best).subList(0, entitiesSeen));
        ranked.sort(RANKING.thenComparing(s -> entities.get(s.entity).id()));
        List<Hit> hits = new ArrayList<>(Math.min(query.limit(), ranked.size()));
        for (Scored s : ranked) {
            if (hits.size() >= query.limit()) break;
            ListEntity e = entities.get(s.entity);
            double score = round(s.score);
            hits.add(new Hit(e.id(), e.primaryName(), e.schema(), List.of(e.listId()), score, score >= threshold,
                    () -> explain(qa, qSide, s, threshold)));
        }
        return new ScreeningResult(query.name(), hits, versions);
    }

    /**
     * Vocabulary terms similar to a query token (best first, at most {@code max}): the index's trigram and
     * skeleton search, and, when {@link DeletionNeighbourhood#consulted} says the trigram search may have
     * missed the token's listed form, the deletion channel, which finds the short tokens and codes one or
     * two edits away that the trigram overlap misses. Screen and compare both call this, so they estimate a
     * token's weight from the same best term.
     */
    private List<NameIndex.TermMatch> similarTerms(TokenForm form, boolean weak, int max) {
        List<NameIndex.TermMatch> m = index.similarTerms(form, weak, config.minTokenSimilarity(), max);
        if (weak || !DeletionNeighbourhood.consulted(form.length(), m.isEmpty() ? 0 : m.get(0).sim())) return m;
        List<NameIndex.TermMatch> near = nearTerms().matches(index, form, config.minTokenSimilarity(), m);
        if (near.isEmpty()) return m;
        List<NameIndex.TermMatch> all = new ArrayList<>(m.size() + near.size());
        all.addAll(m);
        all.addAll(near);
        all.sort((a, b) -> Double.compare(b.sim(), a.sim()));
        return all.size() > max ? new ArrayList<>(all.subList(0, max)) : all;
    }

    /** The deletion channel, built on first need: a query of listed spellings never needs it (a misspelt one pays the build once). */
    DeletionNeighbourhood nearTerms() {
        DeletionNeighbourhood d = nearTerms;
        if (d == null) {
            synchronized (this) {
                d = nearTerms;
                if (d == null) nearTerms = d = new DeletionNeighbourhood(index.termText, index.termWeak);
            }
        }
        return d;
    }

    private volatile DeletionNeighbourhood nearTerms;

    /** Takes the deletion channel from a snapshot, so a restored engine never builds it (0.6-0.8 s in a cold JVM). */
    void restoreNearTerms(DeletionNeighbourhood restored) {
        nearTerms = restored;
    }

    /** One candidate name's score with everything the explanation needs. */
    private record ScoredFeature(String name, double value, String why) { }

    private static final class Scored {
        int entity;
        int name;
        NameAlignment.Side listed;
        NameAlignment.Result alignment;
        List<ScoredFeature> features;
        double score;
        /** 2: the same words as written (case and punctuation aside), 1: equal after normalisation, 0: near. */
        int exactness;
    }

    /** Best first; equal scores break toward the exact form, then toward the equal-after-normalisation one. */
    private static final Comparator<Scored> RANKING = Comparator.comparingDouble((Scored s) -> -round(s.score))
            .thenComparingInt(s -> -s.exactness);

    /** What a query says about its subject besides the name; compare knows only the names. */
    private record Evidence(Schema schema, String birthDate, String country, Set<String> countryCodes) {
        static final Evidence NONE = new Evidence(null, null, null, Set.of());

        static Evidence of(ScreeningQuery q) {
            Set<String> codes = q.nationality() == null ? Set.of()
                    : Countries.standard().codes(List.of(q.nationality().split("[;/]")));
            return new Evidence(q.schema(), q.birthDate(), q.nationality(), codes);
        }
    }

    private int exactness(AnalysedName qa, Scored s) {
        if (!s.alignment.complete(1.0)) return 0;
        String alias = nameOf(entities.get(s.entity), index.nameAlias[s.name]).name();
        return unfolded(qa.input()).equals(unfolded(alias)) ? 2 : 1;
    }

    /** {@code e.allNames().get(a)} without copying every name into a new list. */
    private static Alias nameOf(ListEntity e, int a) {
        return a == 0 ? Alias.primary(e.primaryName()) : e.aliases().get(a - 1);
    }

    /** Lower case letters and digits, one space between words: the name as written, punctuation aside. */
    private static String unfolded(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) sb.appendCodePoint(c);
            else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
        });
        return sb.toString().strip();
    }

    /**
     * A query token that is not itself in the vocabulary may be two listed tokens written together
     * ("ra85534" for the tail number "RA-85534"): the split into two vocabulary terms
     * with the most weight proposes the names holding both. Alignment then scores the merge itself. When
     * there is no such split and no listed term is close to the whole token ({@code similar}, none at
     * {@link LostSpaceSplitter#CONSULTED_BELOW}), {@link LostSpaceSplitter} looks for a split with a mistake.
     */
    private void addSplitSlots(String token, List<NameIndex.TermMatch> similar, List<List<NameIndex.TermMatch>> slots) {
        int bestLeft = -1, bestRight = -1;
        double bestWeight = 0;
        for (int k = 2; k <= token.length() - 2; k++) {
            Integer left = index.exactTerm(token.substring(0, k), false, false);
            if (left == null) continue;
            Integer right = index.exactTerm(token.substring(k), false, false);
            if (right == null) continue;
            double w = index.termWeight(left) + index.termWeight(right);
            if (w > bestWeight) { bestWeight = w; bestLeft = left; bestRight = right; }
        }
        if (bestLeft < 0) {
            if (similar.isEmpty() || similar.get(0).sim() < LostSpaceSplitter.CONSULTED_BELOW) {
                slots.addAll(LostSpaceSplitter.split(index, nearTerms(), TokenForm.of(token, false), config.minTokenSimilarity()));
            }
            addCompoundSlots(token, slots);
            return;
        }
        slots.add(List.of(new NameIndex.TermMatch(bestLeft, 1.0)));
        slots.add(List.of(new NameIndex.TermMatch(bestRight, 1.0)));
    }

    /**
     * Arabic and Persian compound names end in a word that lists write apart as often as together
     * ("HIDAYATULLAH" / "هدايت الله", "SHAMSUDDIN" / "شمس الدین", "WALIJAN" / "ولی جان"): a query
     * token ending in one proposes the names holding a term like its stem and the ending word itself.
     * Alignment then scores the two listed words written together against the query token.
     */
    private void addCompoundSlots(String token, List<List<NameIndex.TermMatch>> slots) {
        Matcher m = COMPOUND_END.matcher(token);
        if (!m.matches()) return;
        String stem = m.group(1), end = m.group(2);
        String word = end.endsWith("la") || end.endsWith("lah") ? "allah" : end.endsWith("din") ? "din" : end;
        Integer endTerm = index.exactTerm(COMPOUND_WORDS.get(word), false, false);
        if (endTerm == null) {
            String arabic = ArabicCompoundWords.FORMS.get(word);
            if (arabic != null) endTerm = index.exactTerm(arabic, false, true);
        }
        if (endTerm == null) return;
        List<NameIndex.TermMatch> stems = index.similarTerms(TokenForm.of(stem, false), false, config.minTokenSimilarity(), 10);
        if (stems.isEmpty()) return;
        slots.add(stems);
        slots.add(List.of(new NameIndex.TermMatch(endTerm, 1.0)));
    }

    /** A stem of three letters or more and the ending word of a compound name, as folded ("hidayat" + "ulah"). */
    private static final Pattern COMPOUND_END = Pattern.compile("(\\p{L}{3,}?)(ulah|ula|olah|alah|udin|edin|odin|adin|jan|kan)");

    /** The ending words as the analyser writes them from Latin. */
    private static final Map<String, String> COMPOUND_WORDS = compoundWords(false);

    /**
     * The same ending words as the analyser writes them from Arabic script (absent: not written apart). Their
     * own class, so only a query that needs them pays for the Arabic transliterator: with ICU's confusable
     * skeletons (InvisibleCharacterRemover), setting it up cost a cold one-name screen of a Latin name about
     * 0.2 CPU-s of 1.4 (docs/benchmarks.md, "the cold one-name screen, launcher to answer").
     */
    private static final class ArabicCompoundWords {
        static final Map<String, String> FORMS = compoundWords(true);
    }

    private static Map<String, String> compoundWords(boolean arabicScript) {
        NameAnalyzer a = NameAnalyzer.standard();
        Map<String, String> out = new HashMap<>();
        String[][] words = {{"allah", "\u0627\u0644\u0644\u0647"}, {"din", "\u062F\u064A\u0646"}, {"jan", "\u062C\u0627\u0646"},
                {"kan", "\u062E\u0627\u0646"}};
        for (String[] w : words) {
            if (arabicScript) {
                List<NameToken> ar = a.analyse(w[1]).tokens();
                if (!ar.isEmpty()) out.put(w[0], ar.get(0).text());
            } else {
                out.put(w[0], a.analyse(w[0].equals("kan") ? "khan" : w[0]).tokens().get(0).text());
            }
        }
        return Map.copyOf(out);
    }

    /**
     * One query token's similarity to vocabulary terms during one query: the terms the index found
     * (sorted by term, for lookup while candidates are aligned), and the similarities scoring worked
     * out for other terms, remembered because a query's candidate names share many terms.
     */
    private static final class SlotTerms {
        private final int[] terms;
        private final double[] sims;
        private int[] seen;             // open addressing over term ids, -1 empty
        private double[] seenSim;
        private int seenCount;

        private SlotTerms(int[] terms, double[] sims) {
            this.terms = terms;
            this.sims = sims;
        }

        static SlotTerms of(List<NameIndex.TermMatch> matches) {
            List<NameIndex.TermMatch> sorted = new ArrayList<>(matches);
            sorted.sort(Comparator.comparingInt(NameIndex.TermMatch::term));
            int[] terms = new int[sorted.size()];
            double[] sims = new double[sorted.size()];
            for (int k = 0; k < terms.length; k++) { terms[k] = sorted.get(k).term(); sims[k] = sorted.get(k).sim(); }
            return new SlotTerms(terms, sims);
        }

        /** The similarity found by the index or worked out before, or -1 when neither knows the term. */
        double simOf(int term) {
            int k = Arrays.binarySearch(terms, term);
            if (k >= 0) return sims[k];
            if (seen == null) return -1;
            for (int h = slot(term, seen.length); ; h = (h + 1) & (seen.length - 1)) {
                if (seen[h] == term) return seenSim[h];
                if (seen[h] < 0) return -1;
            }
        }

        /** Remembers a similarity worked out for a term the index had not found. */
        void remember(int term, double sim) {
            if (seen == null || 2 * (seenCount + 1) > seen.length) grow();
            int h = slot(term, seen.length);
            while (seen[h] >= 0 && seen[h] != term) h = (h + 1) & (seen.length - 1);
            if (seen[h] < 0) seenCount++;
            seen[h] = term;
            seenSim[h] = sim;
        }

        private void grow() {
            int[] oldKeys = seen;
            double[] oldSims = seenSim;
            seen = new int[oldKeys == null ? 32 : oldKeys.length * 2];
            seenSim = new double[seen.length];
            Arrays.fill(seen, -1);
            seenCount = 0;
            if (oldKeys == null) return;
            for (int k = 0; k < oldKeys.length; k++) if (oldKeys[k] >= 0) remember(oldKeys[k], oldSims[k]);
        }

        private static int slot(int term, int length) {
            return (term * 0x9E3779B9) >>> 7 & (length - 1);
        }
    }

    private Scored scoreName(Evidence evidence, NameAlignment.Side qSide, SlotTerms[] known, int n) {
        int start = index.nameStart[n];
        int len = index.nameStart[n + 1] - start;
        int[] flat = index.nameTermFlat;
        NameToken[] ltArr = new NameToken[len];
        TokenForm[] lf = new TokenForm[len];
        double[] lw = new double[len];
        System.arraycopy(index.nameTokenWeight, start, lw, 0, len);     // rarity x partFactor(tokens, k)
        int strong = 0;
        for (int k = 0; k < len; k++) {
            int t = flat[start + k];
            ltArr[k] = index.termToken[t];
            if (index.termWeak[t]) continue;
            lf[k] = index.termForm[t];
            strong++;
        }
        NameAlignment.Side lSide = new NameAlignment.Side(Arrays.asList(ltArr), lw, lf, strong);
        // the index already knows the similarity of most pairs, computed by the same TokenSimilarity call
        // pairSimilarity makes; the rest are computed here
        NameAlignment.Sim sim = (i, j) -> {
            int t = flat[start + j];
            double found = known[i].simOf(t);
            if (found >= 0) return found;
            double worked = pairSimilarity(qSide, i, lSide, j);     // a function of the query token and term t
            known[i].remember(t, worked);
            return worked;
        };
        int e = index.nameEntity[n];
        // the entity itself is read only for the evidence the query states (schema, birth date, country)
        ListEntity en = evidence.schema() != null || hasText(evidence.birthDate()) ? entities.get(e) : null;
        // without a country of its own the query has nothing to compare the entity's countries with
        String[] countries = evidence.countryCodes().isEmpty() ? NO_COUNTRIES : entityCountries(e);
        Scored s = score(qSide, lSide, sim, evidence, index.nameWeakAlias[n], en == null ? null : en.schema(),
                en == null ? List.of() : en.birthDates(), countries);
        s.entity = e;
        s.name = n;
        return s;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * The similarity of two analysed tokens, as both screening and compare see it: two organisation-type
     * words are equal (same class) or different; a token against an organisation word counts only as that
     * word misspelt; other tokens by {@link TokenSimilarity}.
     */
    private double pairSimilarity(NameAlignment.Side a, int i, NameAlignment.Side b, int j) {
        NameToken x = a.tokens().get(i), y = b.tokens().get(j);
        if (x.text().equals(y.text())) return x.weak() == y.weak() ? 1.0 : 0.0;
        if (x.weak() != y.weak()) {                     // a misspelt organisation word: "GENEBAL TRADIBG"
            NameToken strong = x.weak() ? y : x, weak = x.weak() ? x : y;
            return strong.abjad() ? 0.0 : TokenSimilarity.misspeltOrganisationWord(strong.text(), weak.text(), MISSPELT_WORD_SIMILARITY);
        }
        TokenForm fx = a.forms()[i], fy = b.forms()[j];
        if (fx == null || fy == null) return 0.0;
        return TokenSimilarity.similarity(fx, fy, config.minTokenSimilarity());
    }

    /**
     * The one scorer: aligns two analysed names (the same way whichever side is the query) and adds the
     * features of {@link ScoringModel}. {@link #screen} calls it for every candidate name and
     * {@link #compare} for its two names, so they agree on any pair.
     */
    private Scored score(NameAlignment.Side qSide, NameAlignment.Side lSide, NameAlignment.Sim sim, Evidence evidence,
                         boolean weakAlias, Schema listedSchema, List<String> listedBirthDates, String[] listedCountries) {
        NameAlignment.Result r = NameAlignment.alignEitherWay(qSide, lSide, sim, config.minTokenSimilarity());
        List<ScoredFeature> fs = new ArrayList<>(4);
        addNameFeatures(fs, r);
        addNumberFeature(fs, r, qSide, lSide);
        addConflictFeatures(fs, qSide, lSide, r);
        if (weakAlias) fs.add(new ScoredFeature(ScoringModel.WEAK_ALIAS, 1, "matched a weak a.k.a."));
        if (evidence.schema() != null && listedSchema != null && !evidence.schema().compatibleWith(listedSchema)) {
            fs.add(new ScoredFeature(ScoringModel.SCHEMA_MISMATCH, 1,
                    "query is a " + evidence.schema() + ", listed entity a " + listedSchema));
        }
        addDateFeatures(fs, evidence.birthDate(), listedBirthDates);
        addCountryFeatures(fs, evidence, listedCountries);
        Scored s = new Scored();
        s.listed = lSide;
        s.alignment = r;
        s.features = fs;
        s.score = qSide.tokens().isEmpty() || lSide.tokens().isEmpty() ? 0 : total(fs);
        return s;
    }

    /** Name features; their texts are written only when an explanation is built (see {@link #why}). */
    private void addNameFeatures(List<ScoredFeature> fs, NameAlignment.Result r) {
        fs.add(new ScoredFeature(ScoringModel.NAME_MATCH, r.nameMatch(), null));
        double low = Math.max(0, 1 - r.matchedInformation() / specificInformation);
        if (low <= COMPLETE_MAX_LOW_SPECIFICITY && r.complete(COMPLETE_MIN_SIMILARITY)) {
            fs.add(new ScoredFeature(ScoringModel.COMPLETE_MATCH, 1, null));
        } else if (low > 0) {
            fs.add(new ScoredFeature(ScoringModel.LOW_SPECIFICITY, low, null));
        }
    }

    private boolean distinctListedWords(String a, String b) {
        Integer x = index.exactTerm(a, false, false), y = index.exactTerm(b, false, false);
        return x != null && y != null && !ListedVariants.oneEntityUsesBoth(index, x, y);
    }

    /**
     * {@code number_differs}: an aligned pair of codes whose numbers are one edit apart (aligned only through
     * {@link TokenSimilarity#numbersOneEditApart}); the explanation names both numbers. Such a pair aligns at
     * {@link TokenSimilarity#CODE_EDIT_SIMILARITY} at most, so only the pairs aligned that low are looked
     * at (every candidate is scored through here: no token's characters are read for the others).
     */
    private static void addNumberFeature(List<ScoredFeature> fs, NameAlignment.Result r, NameAlignment.Side q,
                                         NameAlignment.Side l) {
        for (NameAlignment.Pair p : r.pairs()) {
            if (p.sim() <= 0 || p.sim() > TokenSimilarity.CODE_EDIT_SIMILARITY) continue;
            String a = runText(q.tokens(), p.q(), p.q2()).replace(" ", ""), b = runText(l.tokens(), p.l(), p.l2()).replace(" ", "");
            if (TokenSimilarity.numbersOneEditApart(a, b)) {
                fs.add(new ScoredFeature(ScoringModel.NUMBER_DIFFERS, 1,
                        "code '" + a + "' against listed '" + b + "': the numbers differ by one digit"));
                return;
            }
        }
    }

    /** Features saying the two names belong to different parties ({@link NameConflicts}). */
    private void addConflictFeatures(List<ScoredFeature> fs, NameAlignment.Side q, NameAlignment.Side l,
                                     NameAlignment.Result r) {
        double conflict = NameConflicts.namePartConflict(q, l, r, listedWords);
        if (conflict > 0) fs.add(new ScoredFeature(ScoringModel.NAME_PART_CONFLICT, conflict, null));
        double types = NameConflicts.organisationTypeMismatch(q, l, r);
        if (types > 0) fs.add(new ScoredFeature(ScoringModel.ORG_TYPE_MISMATCH, types, null));
        double unmatched = NameConflicts.unmatchedDistinctivePart(q, l, r);
        if (unmatched > 0) fs.add(new ScoredFeature(ScoringModel.UNMATCHED_DISTINCTIVE_PART, unmatched, null));
    }

    /** How close a token must be to an organisation word to count as that word misspelt. */
    static final double MISSPELT_WORD_SIMILARITY = 0.8;

    /** A complete match: every token of both names aligned at least this closely... */
    static final double COMPLETE_MIN_SIMILARITY = 0.9;
    /** ...and the matched tokens carry at least half the rarity of a specific name (so "CORP" never is). */
    static final double COMPLETE_MAX_LOW_SPECIFICITY = 0.5;

    private String why(ScoredFeature f, Scored s, NameAlignment.Side qSide) {
        if (f.why() != null) return f.why();
        NameAlignment.Result r = s.alignment;
        if (f.name().equals(ScoringModel.NAME_PART_CONFLICT)) {
            boolean[][] c = NameConflicts.contradicted(qSide, s.listed, r, listedWords);
            return "contradicted name parts: " + NameConflicts.names(qSide, c[0]) + " in the query, "
                    + NameConflicts.names(s.listed, c[1]) + " in the listed name (smaller share " + fmt2(f.value()) + ")";
        }
        if (f.name().equals(ScoringModel.UNMATCHED_DISTINCTIVE_PART)) {
            String qPart = NameConflicts.firstUnmatchedDistinctive(qSide, r.qSim());
            return qPart != null ? "query part '" + qPart + "' has no counterpart in the listed name"
                    : "listed part '" + NameConflicts.firstUnmatchedDistinctive(s.listed, r.lSim()) + "' has no counterpart in the query";
        }
        if (f.name().equals(ScoringModel.ORG_TYPE_MISMATCH)) {
            String type = NameConflicts.unalignedType(qSide.tokens(), r.qSim());
            String where = type != null ? "the query's" : "the listed name's";
            if (type == null) type = NameConflicts.unalignedType(s.listed.tokens(), r.lSim());
            String what = where + " organisation type '" + type + "' has no counterpart in the other name";
            return f.value() >= 1 ? what : what + ", counted at half: the other name states no organisation type, or has"
                    + " an unmatched part that may be the type word misspelt";
        }
        if (f.name().equals(ScoringModel.NAME_MATCH)) {
            return "query covered " + fmt2(r.queryCoverage()) + ", listed name covered " + fmt2(r.listedCoverage())
                    + " (rarity-weighted)";
        }
        if (f.name().equals(ScoringModel.COMPLETE_MATCH)) {
            return "every token of both names aligned at " + fmt2(COMPLETE_MIN_SIMILARITY) + " or more; the matched"
                    + " tokens carry " + fmt2(r.matchedInformation()) + " of " + fmt2(specificInformation)
                    + " nats, so low_specificity is not applied";
        }
        return "matched tokens carry " + fmt2(r.matchedInformation()) + " of the " + fmt2(specificInformation)
                + " nats of rarity that make a name specific";
    }

    private static String fmt2(double v) {
        long x = Math.round(v * 100);
        String s = Long.toString(Math.abs(x) / 100) + "." + (Math.abs(x) % 100 < 10 ? "0" : "") + Math.abs(x) % 100;
        return x < 0 ? "-" + s : s;
    }

    private static void addDateFeatures(List<ScoredFeature> fs, String queryDate, List<String> listed) {
        if (queryDate == null || queryDate.isBlank() || listed.isEmpty()) return;
        Set<String> qy = years(List.of(queryDate));
        Set<String> ly = years(listed);
        if (qy.isEmpty() || ly.isEmpty()) return;
        for (String y : qy) {
            if (ly.contains(y)) {
                fs.add(new ScoredFeature(ScoringModel.DOB_MATCH, 1, "birth year " + y + " on both sides"));
                return;
            }
        }
        fs.add(new ScoredFeature(ScoringModel.DOB_MISMATCH, 1, "birth year " + qy + " vs listed " + ly));
    }

    private static Set<String> years(List<String> dates) {
        Set<String> out = new HashSet<>();
        for (String d : dates) {
            Matcher m = YEAR.matcher(d);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /**
     * Country evidence: the query's country (a person's nationality, a unit's country) against the listed
     * entity's nationalities and address countries, both normalised to ISO codes by {@link Countries}.
     */
    private static void addCountryFeatures(List<ScoredFeature> fs, Evidence evidence, String[] listed) {
        if (evidence.country() == null || evidence.country().isBlank() || listed.length == 0) return;
        if (evidence.countryCodes().isEmpty()) return;                      // a country Custody cannot read
        for (String l : listed) {
            if (evidence.countryCodes().contains(l)) {
                fs.add(new ScoredFeature(ScoringModel.COUNTRY_MATCH, 1,
                        "country " + evidence.country() + " (" + l + ") is one the list records"));
                return;
            }
        }
        List<String> names = new ArrayList<>();
        for (String l : listed) names.add(Countries.englishName(l) + " (" + l + ")");
        fs.add(new ScoredFeature(ScoringModel.COUNTRY_MISMATCH, 1, "country " + evidence.country() + " "
                + evidence.countryCodes() + " vs listed " + String.join(", ", names)));
    }

    private double total(List<ScoredFeature> fs) {
        double s = 0;
        for (ScoredFeature f : fs) s += f.value() * weightOf(f.name());
        return Math.max(0, Math.min(1, s));
    }

    /** The two features every candidate carries are looked up once; the rest by name. */
    private double weightOf(String feature) {
        if (feature.equals(ScoringModel.NAME_MATCH)) return nameMatchWeight;
        if (feature.equals(ScoringModel.LOW_SPECIFICITY)) return lowSpecificityWeight;
        return config.model().weight(feature);
    }

    /** Weight of a patronymic relative to other name parts: often left out, so its absence costs little. */
    static final double PATRONYMIC_FACTOR = 0.3;

    /**
     * A name part's weight factor by its place: a patronymic between a given and a family name counts
     * {@link #PATRONYMIC_FACTOR}. Patronymics are recognised by their endings after spelling folding
     * (the only form screening's listed tokens keep): Russian -ovich/-evich/-ovna/-evna/-ichna, Ukrainian
     * -ovych/-ivna, Belarusian -avich (all folded to -vich, -vna), and the Turkic ogly/oglu/kyzy/qizi
     * written as one word (folded to -ogli, -oglu, -kizi).
     */
    static double partFactor(List<NameToken> tokens, int k) {
        return partFactor(k, tokens.size(), patronymicShaped(tokens.get(k)));
    }

    /** The same from the token's place and whether it is shaped like a patronymic (the index knows it per term). */
    static double partFactor(int k, int size, boolean patronymicShaped) {
        if (k == 0 || k == size - 1 || size < 3) return 1.0;
        return patronymicShaped ? PATRONYMIC_FACTOR : 1.0;
    }

    /** Whether a token reads as a patronymic wherever it stands ({@link #partFactor} adds the place). */
    static boolean patronymicShaped(NameToken t) {
        if (t.weak() || t.abjad()) return false;
        return isPatronymic(t.text());
    }

    private static boolean isPatronymic(String x) {
        if (x.length() < 7) return false;
        return x.endsWith("vich") || x.endsWith("vna") || x.endsWith("ichna") || x.endsWith("oglu") || x.endsWith("ogli")
                || x.endsWith("kizi");
    }

    private double estimateWeight(NameToken t, List<NameIndex.TermMatch> matches) {
        double factor = t.weak() ? config.weakTokenFactor() : 1.0;
        if (matches.isEmpty()) return index.unknownIdf * factor;
        return index.termIdf[matches.get(0).term()] * factor;
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    // ------------------------------------------------------------------ compare

    @Override
    public Comparison compare(String name1, String name2, Schema schema) {
        AnalysedName a = analyzer.analyse(name1), b = analyzer.analyse(name2);
        NameAlignment.Side sa = side(a), sb = side(b);
        Scored s = score(sa, sb, (i, j) -> pairSimilarity(sa, i, sb, j), Evidence.NONE, false, null,
                List.of(), new String[0]);
        s.name = -1;
        double threshold = config.alertThreshold();
        Explanation ex = explanation(a, sa, s, name2, "PRIMARY", b.appliedSteps(), threshold);
        double score = round(s.score);
        return new Comparison(name1, name2, score, score >= threshold, ex);
    }

    /** The form a token is looked up in the vocabulary with (weak tokens: only their exact text counts). */
    private static TokenForm queryForm(NameToken t) {
        return t.weak() ? TokenForm.of(t.text(), "", t.abjad()) : TokenForm.of(t.text(), t.abjad());
    }

    private NameAlignment.Side side(AnalysedName an) {
        List<NameToken> toks = an.tokens();
        double[] w = new double[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            NameToken t = toks.get(i);
            List<NameIndex.TermMatch> m = index.nameCount == 0 ? List.of() : similarTerms(queryForm(t), t.weak(), 1);
            w[i] = (index.nameCount == 0 ? (t.weak() ? config.weakTokenFactor() : 1.0) : estimateWeight(t, m))
                    * partFactor(toks, i);
        }
        return new NameAlignment.Side(toks, w);
    }

    // ------------------------------------------------------------------ explanations

    private Explanation explain(AnalysedName qa, NameAlignment.Side qSide, Scored s, double threshold) {
        ListEntity e = entities.get(s.entity);
        Alias alias = nameOf(e, index.nameAlias[s.name]);
        return explanation(qa, qSide, s, alias.name(), alias.strength().name(), stepsOf(index.nameSteps[s.name]), threshold);
    }

    private Explanation explanation(AnalysedName qa, NameAlignment.Side qSide, Scored s, String matchedAlias,
                                    String strength, List<String> listedSteps, double threshold) {
        List<NameToken> qt = qSide.tokens(), lt = s.listed.tokens();
        double[] qw = qSide.weights();
        List<Explanation.TokenMatch> tokens = new ArrayList<>();
        boolean[] qDone = new boolean[qt.size()], lDone = new boolean[lt.size()];
        for (NameAlignment.Pair p : s.alignment.pairs()) {
            String qText = runText(qt, p.q(), p.q2());
            String lText = runText(lt, p.l(), p.l2());
            double w = NameAlignment.runWeight(qw, p.q(), p.q2());
            NameToken a = qt.get(p.q()), b = lt.get(p.l());
            boolean initials = p.sim() == NameAlignment.INITIAL_SIMILARITY
                    && (a.text().length() <= 2 || b.text().length() <= 2 || p.q2() - p.q() >= 2 || p.l2() - p.l() >= 2);
            String how = initials ? "initials" : (p.q2() >= 0 || p.l2() >= 0) ? "written as one word on one side"
                    : TokenSimilarity.how(a.text(), a.weak(), a.abjad(), b.text(), b.weak(), b.abjad(), p.sim());
            tokens.add(new Explanation.TokenMatch(qText, lText, round(p.sim()), round(w), how));
            for (int i = p.q(); i <= Math.max(p.q(), p.q2()); i++) qDone[i] = true;
            for (int j = p.l(); j <= Math.max(p.l(), p.l2()); j++) lDone[j] = true;
        }
        double[] qSim = s.alignment.qSim(), lSim = s.alignment.lSim();
        for (int i = 0; i < qt.size(); i++) {
            if (!qDone[i] && qSim[i] > 0) {
                qDone[i] = true;
                tokens.add(new Explanation.TokenMatch(qt.get(i).text(), null, round(qSim[i]), round(qw[i]),
                        "repeats a name part aligned elsewhere"));
            }
        }
        for (int j = 0; j < lt.size(); j++) {
            if (!lDone[j] && lSim[j] > 0) {
                lDone[j] = true;
                tokens.add(new Explanation.TokenMatch(null, lt.get(j).text(), round(lSim[j]), round(s.listed.weights()[j]),
                        "repeats a name part aligned elsewhere"));
            }
        }
        for (int i = 0; i < qt.size(); i++) {
            if (!qDone[i]) tokens.add(new Explanation.TokenMatch(qt.get(i).text(), null, 0, round(qw[i]),
                    qt.get(i).weak() ? "unmatched organisation-type word (weak)" : "unmatched query token"));
        }
        for (int j = 0; j < lt.size(); j++) {
            if (!lDone[j]) tokens.add(new Explanation.TokenMatch(null, lt.get(j).text(), 0, round(s.listed.weights()[j]),
                    lt.get(j).weak() ? "unmatched organisation-type word in listed name (weak)" : "unmatched listed token"));
        }
        List<Explanation.FeatureScore> features = new ArrayList<>();
        for (ScoredFeature f : s.features) {
            ScoringModel.Feature def = config.model().feature(f.name());
            features.add(new Explanation.FeatureScore(f.name(), round(f.value()), def.weight(),
                    why(f, s, qSide) + " — " + def.description()));
        }
        List<String> norms = new ArrayList<>();
        for (String st : qa.appliedSteps()) norms.add("query: " + st);
        for (String st : listedSteps) norms.add("listed: " + st);
        int alignedQ = 0;
        for (boolean d : qDone) if (d) alignedQ++;
        int alignedL = 0;
        for (boolean d : lDone) if (d) alignedL++;
        StringBuilder sb = new StringBuilder(160).append("score ").append(ScoreText.versus(round(s.score), threshold))
                .append(": '").append(qa.input()).append("' against ").append(strength.toLowerCase(Locale.ROOT))
                .append(" alias '").append(matchedAlias).append("'; ").append(alignedQ).append(" of ").append(qt.size())
                .append(" query tokens and ").append(alignedL).append(" of ").append(lt.size()).append(" listed tokens aligned");
        for (ScoredFeature f : s.features) {
            if (f.name().equals(ScoringModel.NAME_MATCH)) continue;
            double c = f.value() * config.model().weight(f.name());
            sb.append("; ").append(f.name()).append(c >= 0 ? " +" : " ").append(fmt2(c));
        }
        return new Explanation(matchedAlias, strength, tokens, features, norms, sb.toString());
    }

    /** The texts of tokens {@code first..last} ({@code last} -1: the one token), space-separated. */
    private static String runText(List<NameToken> tokens, int first, int last) {
        StringBuilder sb = new StringBuilder(tokens.get(first).text());
        for (int i = first + 1; i <= last; i++) sb.append(' ').append(tokens.get(i).text());
        return sb.toString();
    }

    private int stepMask(List<String> applied) {
        int mask = 0;
        for (String st : applied) {
            int i = stepNames.indexOf(st);
            if (i >= 0 && i < 31) mask |= 1 << i;
        }
        return mask;
    }

    private List<String> stepsOf(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stepNames.size() && i < 31; i++) if ((mask & (1 << i)) != 0) out.add(stepNames.get(i));
        return out;
    }
}
