package org.custody.vetting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.custody.lists.ListVersion;
import org.custody.screening.Hit;
import org.custody.screening.Screener;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;

/**
 * Runs the automated checks of a vetting: walks the graph from the subject and screens every name of
 * every node reached, keeping the screening engine's alerts. A node matched under several of its names
 * keeps its best hit per listed entity. The same query (name, kind, birth date, nationality; case and
 * spacing ignored) is screened once per check, and distinct queries are screened in parallel when
 * {@code parallel} is set, which needs a {@link Screener} that is safe for concurrent queries (the
 * screening engine is).
 */
public final class VettingCheck {

    private final Screener screener;
    private final WalkPolicy policy;
    private final int hitsPerName;
    private final boolean parallel;

    public VettingCheck(Screener screener, WalkPolicy policy, int hitsPerName, boolean parallel) {
        this.screener = screener;
        this.policy = policy;
        this.hitsPerName = hitsPerName;
        this.parallel = parallel;
    }

    public VettingCheck(Screener screener) {
        this(screener, WalkPolicy.defaults(), 10, true);
    }

    private record Screening(GraphPath path, String name, ScreeningQuery query) {}

    public CheckResult run(VettingGraph graph, NodeRef subject, LocalDate asOf) {
        if (subject instanceof NodeRef.Organisation) {
            throw new IllegalArgumentException("vetting subjects are units or persons, not " + subject.key());
        }
        GraphWalk.Walked walked = GraphWalk.walk(graph, subject, asOf, policy);
        List<Screening> screenings = new ArrayList<>();
        Map<String, ScreeningQuery> distinct = new LinkedHashMap<>();
        for (GraphPath path : walked.paths()) {
            Party party = path.end();
            Set<String> seenForParty = new HashSet<>();
            for (String name : party.allNames()) {
                String key = key(name, party);
                if (!seenForParty.add(key)) continue;
                ScreeningQuery q = new ScreeningQuery(name, party.schema(), hitsPerName, null, party.birthDate(),
                        party.nationality());
                distinct.putIfAbsent(key, q);
                screenings.add(new Screening(path, name, distinct.get(key)));
            }
        }
        Map<ScreeningQuery, ScreeningResult> results = new ConcurrentHashMap<>();
        (parallel ? distinct.values().parallelStream() : distinct.values().stream())
                .forEach(q -> results.put(q, screener.screen(q)));

        Map<String, Finding> best = new LinkedHashMap<>();
        Map<String, ListVersion> versions = new LinkedHashMap<>();
        for (Screening s : screenings) {
            ScreeningResult result = results.get(s.query());
            for (ListVersion v : result.listVersions()) versions.putIfAbsent(v.listId(), v);
            for (Hit hit : result.alerts()) {
                Finding f = new Finding(s.path(), s.name(), hit);
                best.merge(f.key(), f, (a, b) -> b.hit().score() > a.hit().score() ? b : a);
            }
        }
        List<Finding> findings = new ArrayList<>(best.values());
        findings.sort(Comparator.comparingInt((Finding f) -> f.path().length())
                .thenComparing(Comparator.comparingDouble((Finding f) -> f.hit().score()).reversed()));
        Set<Long> roster = new HashSet<>();
        if (subject instanceof NodeRef.Unit) {
            for (Edge e : graph.edgesFrom(subject, asOf)) {
                if (e.relation() == Relation.COMMANDED_BY) roster.add(e.to().id());
            }
        }
        return new CheckResult(subject, asOf, walked.paths(), screenings.size(), findings,
                new ArrayList<>(versions.values()), roster, walked.truncated());
    }

    private static String key(String name, Party p) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "|" + p.schema() + "|"
                + p.birthDate() + "|" + p.nationality();
    }
}
