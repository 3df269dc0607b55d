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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
            TokenForm form = qf[i] != null ? qf[i] : TokenForm.of(t.text(), "", t.abjad());
            List<NameIndex.TermMatch> m = termCache.get(NameIndex.key(t.text(), t.weak(), t.abjad()),
                    () -> index.similarTerms(form, t.weak(), config.minTokenSimilarity(), 30));
            slots.add(m);
            qw[i] = estimateWeight(t, m);
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
            if (qf[i] != null && !inVocabulary) addSplitSlots(qf[i].text(), slots);
        }
        double qTotal = 0;
        for (double w : qw) qTotal += w;
        int[] cands = index.candidates(slots, qTotal, config.candidates());
        NameAlignment.Side qSide = new NameAlignment.Side(qt, qw, qf);
        SlotTerms[] known = new SlotTerms[qt.size()];
        for (int i = 0; i < known.length; i++) known[i] = SlotTerms.of(slots.get(i));

        Map<Integer, Scored> bestByEntity = new HashMap<>();
        for (int n : cands) {
            Scored s = scoreName(query, qSide, known, n);
            Scored prev = bestByEntity.get(s.entity);
            if (prev == null || s.score > prev.score) bestByEntity.put(s.entity, s);
        }
        List<Scored> ranked = new ArrayList<>(bestByEntity.values());
        ranked.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(s -> entities.get(s.entity).id()));
        List<Hit> hits = new ArrayList<>(Math.min(query.limit(), ranked.size()));
        for (Scored s : ranked) {
            if (hits.size() >= query.limit()) break;
            ListEntity e = entities.get(s.entity);
            boolean alert = s.score >= threshold;
            hits.add(new Hit(e.id(), e.primaryName(), e.schema(), List.of(e.listId()), round(s.score), alert,
                    () -> explain(qa, qSide, s, threshold)));
        }
        return new ScreeningResult(query.name(), hits, versions);
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
    }

    /**
     * A query token that is not itself in the vocabulary may be two listed tokens written together
     * ("ra85534" for the tail number "RA-85534"): the split into two vocabulary terms
     * with the most weight proposes the names holding both. Alignment then scores the merge itself.
     */
    private void addSplitSlots(String token, List<List<NameIndex.TermMatch>> slots) {
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
        if (bestLeft < 0) return;
        slots.add(List.of(new NameIndex.TermMatch(bestLeft, 1.0)));
        slots.add(List.of(new NameIndex.TermMatch(bestRight, 1.0)));
    }

    /** One query slot's similar terms sorted by term, for lookup while candidates are aligned. */
    private record SlotTerms(int[] terms, double[] sims) {
        static SlotTerms of(List<NameIndex.TermMatch> matches) {
            List<NameIndex.TermMatch> sorted = new ArrayList<>(matches);
            sorted.sort(Comparator.comparingInt(NameIndex.TermMatch::term));
            int[] terms = new int[sorted.size()];
            double[] sims = new double[sorted.size()];
            for (int k = 0; k < terms.length; k++) { terms[k] = sorted.get(k).term(); sims[k] = sorted.get(k).sim(); }
            return new SlotTerms(terms, sims);
        }

        /** The similarity found by the index, or -1 when the term was not among the slot's matches. */
        double simOf(int term) {
            int k = Arrays.binarySearch(terms, term);
            return k >= 0 ? sims[k] : -1;
        }
    }

    private Scored scoreName(ScreeningQuery query, NameAlignment.Side qSide, SlotTerms[] known, int n) {
        int[] terms = index.nameTerms[n];
        NameToken[] ltArr = new NameToken[terms.length];
        TokenForm[] lf = new TokenForm[terms.length];
        double[] lw = new double[terms.length];
        for (int k = 0; k < terms.length; k++) {
            int t = terms[k];
            ltArr[k] = index.termToken[t];
            lf[k] = index.termWeak[t] ? null : index.termForm[t];
            lw[k] = index.termWeight(t);
        }
        NameAlignment.Side lSide = new NameAlignment.Side(Arrays.asList(ltArr), lw, lf);
        TokenForm[] qf = qSide.forms();
        double minSim = config.minTokenSimilarity();
        NameAlignment.Result r = NameAlignment.align(qSide, lSide, (i, j) -> {
            double found = known[i].simOf(terms[j]);
            if (found >= 0) return found;
            // weak tokens are only ever equal, and the index found every equal term
            return qf[i] == null || lf[j] == null ? 0 : TokenSimilarity.similarity(qf[i], lf[j], minSim);
        }, minSim);
        ListEntity e = entities.get(index.nameEntity[n]);
        List<ScoredFeature> fs = new ArrayList<>(4);
        addNameFeatures(fs, r);
        if (index.nameWeakAlias[n]) {
            fs.add(new ScoredFeature(ScoringModel.WEAK_ALIAS, 1, "matched a weak a.k.a."));
        }
        if (query.schema() != null && !query.schema().compatibleWith(e.schema())) {
            fs.add(new ScoredFeature(ScoringModel.SCHEMA_MISMATCH, 1,
                    "query is a " + query.schema() + ", listed entity a " + e.schema()));
        }
        addDateFeatures(fs, query.birthDate(), e.birthDates());
        addNationalityFeatures(fs, query.nationality(), e.nationalities());
        Scored s = new Scored();
        s.entity = index.nameEntity[n];
        s.name = n;
        s.listed = lSide;
        s.alignment = r;
        s.features = fs;
        s.score = total(fs);
        return s;
    }

    /** Name features; their texts are written only when an explanation is built (see {@link #why}). */
    private void addNameFeatures(List<ScoredFeature> fs, NameAlignment.Result r) {
        fs.add(new ScoredFeature(ScoringModel.NAME_MATCH, r.nameMatch(), null));
        double low = Math.max(0, 1 - r.matchedInformation() / specificInformation);
        if (low > 0) fs.add(new ScoredFeature(ScoringModel.LOW_SPECIFICITY, low, null));
    }

    private String why(ScoredFeature f, NameAlignment.Result r) {
        if (f.why() != null) return f.why();
        if (f.name().equals(ScoringModel.NAME_MATCH)) {
            return "query covered " + fmt2(r.queryCoverage()) + ", listed name covered " + fmt2(r.listedCoverage())
                    + " (rarity-weighted)";
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

    private static void addNationalityFeatures(List<ScoredFeature> fs, String query, List<String> listed) {
        if (query == null || query.isBlank() || listed.isEmpty()) return;
        String q = query.trim().toLowerCase(Locale.ROOT);
        for (String l : listed) {
            if (l.trim().toLowerCase(Locale.ROOT).equals(q)) {
                fs.add(new ScoredFeature(ScoringModel.NATIONALITY_MATCH, 1, "nationality " + query + " listed"));
                return;
            }
        }
        fs.add(new ScoredFeature(ScoringModel.NATIONALITY_MISMATCH, 1, "nationality " + query + " vs listed " + listed));
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
        NameAlignment.Result r = NameAlignment.align(sa, sb, (i, j) -> {
            NameToken x = a.tokens().get(i), y = b.tokens().get(j);
            return TokenSimilarity.similarity(x.text(), x.weak(), x.abjad(), y.text(), y.weak(), y.abjad());
        }, config.minTokenSimilarity());
        List<ScoredFeature> fs = new ArrayList<>();
        addNameFeatures(fs, r);
        double score = (a.isEmpty() || b.isEmpty()) ? 0 : total(fs);
        Scored s = new Scored();
        s.listed = sb;
        s.alignment = r;
        s.features = fs;
        s.score = score;
        s.name = -1;
        Explanation ex = explanation(a, sa, s, name2, "PRIMARY", b.appliedSteps(), config.alertThreshold());
        return new Comparison(name1, name2, round(score), score >= config.alertThreshold(), ex);
    }

    private NameAlignment.Side side(AnalysedName an) {
        List<NameToken> toks = an.tokens();
        double[] w = new double[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            NameToken t = toks.get(i);
            List<NameIndex.TermMatch> m = index.nameCount == 0 ? List.of()
                    : index.similarTerms(TokenForm.of(t.text(), t.abjad()), t.weak(), config.minTokenSimilarity(), 1);
            w[i] = index.nameCount == 0 ? (t.weak() ? config.weakTokenFactor() : 1.0) : estimateWeight(t, m);
        }
        return new NameAlignment.Side(toks, w);
    }

    // ------------------------------------------------------------------ explanations

    private Explanation explain(AnalysedName qa, NameAlignment.Side qSide, Scored s, double threshold) {
        ListEntity e = entities.get(s.entity);
        Alias alias = e.allNames().get(index.nameAlias[s.name]);
        return explanation(qa, qSide, s, alias.name(), alias.strength().name(), stepsOf(index.nameSteps[s.name]), threshold);
    }

    private Explanation explanation(AnalysedName qa, NameAlignment.Side qSide, Scored s, String matchedAlias,
                                    String strength, List<String> listedSteps, double threshold) {
        List<NameToken> qt = qSide.tokens(), lt = s.listed.tokens();
        double[] qw = qSide.weights();
        List<Explanation.TokenMatch> tokens = new ArrayList<>();
        boolean[] qDone = new boolean[qt.size()], lDone = new boolean[lt.size()];
        for (NameAlignment.Pair p : s.alignment.pairs()) {
            String qText = qt.get(p.q()).text() + (p.q2() >= 0 ? " " + qt.get(p.q2()).text() : "");
            String lText = lt.get(p.l()).text() + (p.l2() >= 0 ? " " + lt.get(p.l2()).text() : "");
            double w = qw[p.q()] + (p.q2() >= 0 ? qw[p.q2()] : 0);
            NameToken a = qt.get(p.q()), b = lt.get(p.l());
            String how = (p.q2() >= 0 || p.l2() >= 0) ? "written as one word on one side"
                    : TokenSimilarity.how(a.text(), a.weak(), a.abjad(), b.text(), b.weak(), b.abjad(), p.sim());
            tokens.add(new Explanation.TokenMatch(qText, lText, round(p.sim()), round(w), how));
            qDone[p.q()] = true;
            if (p.q2() >= 0) qDone[p.q2()] = true;
            lDone[p.l()] = true;
            if (p.l2() >= 0) lDone[p.l2()] = true;
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
                    why(f, s.alignment) + " — " + def.description()));
        }
        List<String> norms = new ArrayList<>();
        for (String st : qa.appliedSteps()) norms.add("query: " + st);
        for (String st : listedSteps) norms.add("listed: " + st);
        int alignedQ = 0;
        for (boolean d : qDone) if (d) alignedQ++;
        int alignedL = 0;
        for (boolean d : lDone) if (d) alignedL++;
        StringBuilder sb = new StringBuilder(160).append("score ").append(fmt2(s.score))
                .append(s.score >= threshold ? " >= " : " < ").append("threshold ").append(fmt2(threshold))
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
