package org.custody.store.diversion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custody.diversion.CaseStatus;
import org.custody.diversion.InventoryView;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.UnitRisk;
import org.custody.diversion.VettingStanding;
import org.custody.store.vetting.VettingStore;
import org.custody.vetting.Decision;
import org.custody.vetting.NodeRef;
import org.custody.vetting.VettingRequest;

/**
 * Per-unit risk from the stored cases (a unit is concerned when it is an approved end-user of a case's
 * current transfers, or the holder itself), its end-use inventory figures and its vetting standing.
 */
public final class UnitRiskQuery {

    private UnitRiskQuery() {}

    /** Units concerned by at least one case, as ledger unit ids. */
    public static List<String> unitsWithCases(Connection c) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT eu->>'id' FROM diversion_case_link l,
                       jsonb_array_elements(l.detail->'approvedEndUsers') eu
                WHERE l.kind = 'transfer' AND l.current
                UNION SELECT holder_unit_id FROM diversion_case WHERE holder_unit_id IS NOT NULL ORDER BY 1""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) if (rs.getString(1) != null) out.add(rs.getString(1));
        }
        return new ArrayList<>(out);
    }

    public static UnitRisk risk(Connection c, String unitId, InventoryView inventory, ScoringConfig config, LocalDate asOf)
            throws SQLException {
        int confirmed = 0, open = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.status, count(DISTINCT d.id) FROM diversion_case d
                WHERE d.holder_unit_id = ? OR EXISTS (
                    SELECT 1 FROM diversion_case_link l, jsonb_array_elements(l.detail->'approvedEndUsers') eu
                    WHERE l.case_id = d.id AND l.kind = 'transfer' AND l.current AND eu->>'id' = ?)
                GROUP BY d.status""")) {
            ps.setString(1, unitId);
            ps.setString(2, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CaseStatus s = CaseStatus.parse(rs.getString(1));
                    if (s == CaseStatus.CONFIRMED) confirmed += rs.getInt(2);
                    else if (s != CaseStatus.DISMISSED) open += rs.getInt(2);
                }
            }
        }
        String name = unitId;
        VettingStanding standing = VettingStanding.PENDING;
        String note = "never vetted";
        Long numeric = null;
        try {
            numeric = Long.parseLong(unitId);
        } catch (NumberFormatException ignored) {
            note = "not a ledger unit id";
        }
        if (numeric != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM ledger_org_unit WHERE id = ?")) {
                ps.setLong(1, numeric);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) name = rs.getString(1);
                }
            }
            NodeRef.Unit unit = new NodeRef.Unit(numeric);
            Optional<Decision> d = VettingStore.latestDecision(c, unit);
            List<VettingRequest> pending = VettingStore.pendingFor(c, unit);
            Optional<VettingRequest> requeued = pending.stream().filter(VettingRequest::requeued).findFirst();
            if (requeued.isPresent()) {
                standing = VettingStanding.PENDING;
                note = "back in the vetting queue (request " + requeued.get().id() + "): " + requeued.get().note();
            } else if (d.isPresent()) {
                if (d.get().expiredOn(asOf)) {
                    standing = VettingStanding.PENDING;
                    note = "decision " + d.get().id() + " expired on " + d.get().expires();
                } else {
                    standing = VettingStanding.of(d.get().outcome().label());
                    note = "decision " + d.get().id() + " by " + d.get().officer() + " until " + d.get().expires();
                }
            }
        }
        InventoryView.Figures f = inventory.figures(unitId);
        return UnitRisk.of(new UnitRisk.Inputs(unitId, name, confirmed, open, f.enhancedItems(), f.delinquentItems(),
                standing, note), config);
    }

    /** A unit's risk as JSON, the same for {@code custody unit-risk --json} and the server: unit (code), unitId, name, score, factors. */
    public static java.util.Map<String, Object> view(UnitRisk r, String code) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("unit", code);
        m.put("unitId", r.unitId().matches("\\d{1,18}") ? Long.valueOf(r.unitId()) : null);
        m.put("name", r.unitName());
        m.put("score", r.score());
        java.util.List<java.util.Map<String, Object>> fs = new java.util.ArrayList<>();
        for (org.custody.diversion.Factor f : r.factors()) {
            java.util.Map<String, Object> fm = new java.util.LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("value", f.value());
            fm.put("weight", f.weight());
            fm.put("share", f.share());
            fm.put("explanation", f.explanation());
            fs.add(fm);
        }
        m.put("factors", fs);
        return m;
    }
}
