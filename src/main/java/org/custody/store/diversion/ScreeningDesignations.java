package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custody.diversion.Actor;
import org.custody.diversion.Designation;
import org.custody.diversion.DesignationView;
import org.custody.lists.Schema;
import org.custody.screening.Hit;
import org.custody.screening.Screener;
import org.custody.screening.ScreeningQuery;
import org.custody.store.Database;
import org.custody.store.vetting.AffiliationStore;
import org.custody.store.vetting.JdbcVettingGraph;
import org.custody.vetting.Edge;
import org.custody.vetting.GraphWalk;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Party;
import org.custody.vetting.GraphPath;
import org.custody.vetting.Relation;
import org.custody.vetting.WalkPolicy;

/**
 * Whether a holder is designated, through the screening engine and the vetting affiliation graph: the
 * holder's own name is screened first (SELF); then, when the holder is a known organisation or ledger
 * unit, the graph is walked (parents, organisations it is part of or a member of: PARENT; backers and
 * predecessors: AFFILIATE) and every node's names are screened. The first alerting hit wins; its
 * explanation carries the screening summary and the path. Results are cached per holder for a run.
 */
public final class ScreeningDesignations implements DesignationView {

    private final Screener screener;
    private final Database db;
    private final LocalDate asOf;
    private final Map<String, Optional<Designation>> cache = new HashMap<>();

    public ScreeningDesignations(Screener screener, Database db, LocalDate asOf) {
        this.screener = screener;
        this.db = db;
        this.asOf = asOf;
    }

    @Override
    public Optional<Designation> designation(Actor holder) {
        return cache.computeIfAbsent(holder.key(), k -> compute(holder));
    }

    private Optional<Designation> compute(Actor holder) {
        if (holder.name() != null) {
            Optional<Hit> self = alert(holder.name());
            if (self.isPresent()) {
                Hit h = self.get();
                return Optional.of(new Designation(Designation.Path.SELF, holder.name(), h.entityId(), h.name(), h.lists(),
                        h.score(), summary(h)));
            }
        }
        if (db == null || holder.name() == null) return Optional.empty();
        return db.read(c -> viaGraph(c, holder));
    }

    private Optional<Designation> viaGraph(Connection c, Actor holder) throws SQLException {
        Optional<NodeRef> start = node(c, holder.name());
        if (start.isEmpty()) return Optional.empty();
        GraphWalk.Walked walked = GraphWalk.walk(new JdbcVettingGraph(c), start.get(), asOf, new WalkPolicy(4, 200, false));
        for (GraphPath p : walked.paths()) {
            if (p.length() == 0) continue;
            boolean viaCommand = false;
            boolean affiliate = false;
            for (Edge e : p.edges()) {
                if (e.relation() == Relation.COMMANDED_BY || e.relation() == Relation.FORMERLY_COMMANDED_BY) viaCommand = true;
                if (e.relation() == Relation.BACKED_BY || e.relation() == Relation.SUCCESSOR_OF) affiliate = true;
            }
            if (viaCommand) continue;
            Party end = p.end();
            for (String name : end.allNames()) {
                Optional<Hit> hit = alert(name);
                if (hit.isPresent()) {
                    Hit h = hit.get();
                    String sources = p.sources().isEmpty() ? "" : "; sources: " + String.join("; ", p.sources());
                    return Optional.of(new Designation(affiliate ? Designation.Path.AFFILIATE : Designation.Path.PARENT,
                            end.name(), h.entityId(), h.name(), h.lists(), h.score(),
                            "path " + p.render() + sources + "; " + summary(h)));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Hit> alert(String name) {
        if (screener == null) return Optional.empty();
        List<Hit> hits = screener.screen(ScreeningQuery.of(name).withSchema(Schema.ORGANIZATION)).hits();
        return hits.stream().filter(Hit::alert).findFirst();
    }

    private static String summary(Hit h) {
        return h.explanation() == null ? "screening hit" : h.explanation().summary();
    }

    /** A vetting organisation of that name, else a ledger unit with that name or alias. */
    private static Optional<NodeRef> node(Connection c, String name) throws SQLException {
        Optional<Long> org = AffiliationStore.organisationByName(c, name);
        if (org.isPresent()) return Optional.of(new NodeRef.Organisation(org.get()));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id FROM ledger_org_unit WHERE lower(name) = lower(?)
                UNION SELECT unit_id FROM ledger_org_unit_alias WHERE lower(alias) = lower(?) LIMIT 1""")) {
            ps.setString(1, name.trim());
            ps.setString(2, name.trim());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NodeRef.Unit(rs.getLong(1))) : Optional.empty();
            }
        }
    }
}
