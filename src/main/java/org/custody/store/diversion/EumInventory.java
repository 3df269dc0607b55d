package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.custody.diversion.InventoryView;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringFigures;
import org.custody.eum.MonitoringPolicy;
import org.custody.store.eum.EumStore;

/**
 * {@link InventoryView} over the end-use monitoring store: a unit's enhanced-monitoring items and how many
 * are delinquent, unaccounted for or missing, as the EUM assessor judges them on a date.
 */
public final class EumInventory implements InventoryView {

    private final Connection c;
    private final LocalDate asOf;

    public EumInventory(Connection c, LocalDate asOf) {
        this.c = c;
        this.asOf = asOf;
    }

    @Override
    public Figures figures(String unitId) {
        long id;
        try {
            id = Long.parseLong(unitId);
        } catch (NumberFormatException e) {
            return new Figures(0, 0, "not a ledger unit id");
        }
        try {
            MonitoringFigures f = new MonitoringAssessor(MonitoringPolicy.DEFAULT).figures(org.custody.store.vetting.NodeCodes.on(c).name(new org.custody.vetting.NodeRef.Unit(id)),
                    EumStore.forUnit(c, id), asOf);
            int bad = f.delinquent().size() + f.unaccounted().size() + f.missing().size();
            return new Figures(f.enhancedItems(), bad, f.explanation());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read end-use monitoring figures of unit " + unitId + ": " + e.getMessage(), e);
        }
    }
}
