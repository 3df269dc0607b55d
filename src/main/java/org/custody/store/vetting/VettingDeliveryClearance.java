package org.custody.store.vetting;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.custody.ledger.Clearance;
import org.custody.ledger.DeliveryClearance;
import org.custody.store.Database;
import org.custody.vetting.ClearanceRules;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.Edge;
import org.custody.vetting.NodeRef;
import org.custody.vetting.Relation;
import org.custody.vetting.VettingGraph;

/**
 * Vetting's answer to the ledger before a delivery is recorded: {@link ClearanceRules} on the unit's
 * latest decision, its pending re-vettings and its command roster on the delivery date. A refused
 * delivery needs the ledger's override with a written justification.
 */
public final class VettingDeliveryClearance implements DeliveryClearance {

    private final Database db;

    public VettingDeliveryClearance(Database db) {
        this.db = db;
    }

    /**
     * The same rule read on {@code c}, for a ledger transaction that consults clearance while it records
     * (it then sees the units it has just written).
     */
    public static DeliveryClearance on(Connection c) {
        return (unitId, date) -> {
            try {
                return toLedger(verdict(c, new NodeRef.Unit(unitId), date));
            } catch (SQLException e) {
                throw new org.custody.store.StoreException("cannot read the vetting of unit " + unitId + ": "
                        + e.getMessage(), e);
            }
        };
    }

    @Override
    public Clearance check(long unitId, LocalDate deliveryDate) {
        return toLedger(db.read(c -> verdict(c, new NodeRef.Unit(unitId), deliveryDate)));
    }

    private static Clearance toLedger(ClearanceVerdict v) {
        return switch (v) {
            case ClearanceVerdict.Cleared ok -> new Clearance.Cleared("vetting: " + ok.explanation());
            case ClearanceVerdict.Refused no -> new Clearance.Refused("vetting refuses ("
                    + no.refusal().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "): " + no.explanation());
        };
    }

    /** The verdict read on the caller's connection (so a ledger transaction can consult it too). */
    public static ClearanceVerdict verdict(Connection c, NodeRef.Unit unit, LocalDate date) throws SQLException {
        VettingGraph g = new JdbcVettingGraph(c);
        if (g.party(unit).isEmpty()) {
            return new ClearanceVerdict.Refused(ClearanceVerdict.Refusal.NEVER_VETTED,
                    unit.key() + " is not in the ledger, so it has never been vetted");
        }
        Set<Long> roster = new HashSet<>();
        for (Edge e : g.edgesFrom(unit, date)) {
            if (e.relation() == Relation.COMMANDED_BY) roster.add(e.to().id());
        }
        return ClearanceRules.evaluate(unit, date, VettingStore.latestDecision(c, unit), VettingStore.pendingFor(c, unit),
                roster, NodeCodes.on(c));
    }
}
