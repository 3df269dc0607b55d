package org.custody.vetting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custody.lists.ListVersion;
import org.custody.screening.Hit;
import org.custody.screening.Screener;
import org.custody.screening.ScreeningQuery;
import org.custody.screening.ScreeningResult;

/**
 * Runs the automated checks of a vetting: walks the graph from the subject and screens every name of
 * every node reached, keeping the screening engine's alerts. A node matched under several of its names
 * keeps its best hit per listed entity.
 */
public final class VettingCheck {

    private final Screener screener;
    private final WalkPolicy policy;
    private final int hitsPerName;

    public VettingCheck(Screener screener, WalkPolicy policy, int hitsPerName) {
        this.screener = screener;
        this.policy = policy;
        this.hitsPerName = hitsPerName;
    }

    public VettingCheck(Screener screener) {
        this(screener, WalkPolicy.defaults(), 10);
    }

    public CheckResult run(VettingGraph graph, NodeRef subject, LocalDate asOf) {
        if (subject instanceof NodeRef.Organisation) {
            throw new IllegalArgumentException("vetting subjects are units or persons, not " + subject.key());
        }
        GraphWalk.Walked walked = GraphWalk.walk(graph, subject, asOf, policy);
        Map<String, Finding> best = new LinkedHashMap<>();
        Map<String, ListVersion> versions = new LinkedHashMap<>();
        int names = 0;
        for (GraphPath path : walked.paths()) {
            Party party = path.end();
            for (String name : party.allNames()) {
                names++;
                ScreeningResult result = screener.screen(
                        new ScreeningQuery(name, party.schema(), hitsPerName, null, party.birthDate(), party.nationality()));
                for (ListVersion v : result.listVersions()) versions.putIfAbsent(v.listId(), v);
                for (Hit hit : result.alerts()) {
                    Finding f = new Finding(path, name, hit);
                    best.merge(f.key(), f, (a, b) -> b.hit().score() > a.hit().score() ? b : a);
                }
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
        return new CheckResult(subject, asOf, walked.paths(), names, findings,
                new ArrayList<>(versions.values()), roster, walked.truncated());
    }
}
