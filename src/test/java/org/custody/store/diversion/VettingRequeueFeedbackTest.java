package org.custody.store.diversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custody.diversion.InventoryView;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.UnitRisk;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.custody.store.vetting.VettingStore;
import org.custody.vetting.ClearanceRules;
import org.custody.vetting.ClearanceVerdict;
import org.custody.vetting.NodeRef;
import org.custody.vetting.VettingRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class VettingRequeueFeedbackTest {

    @Test
    void confirmedDiversionRequeuesRecipientUnitAndClearanceThenRefusesDeliveries() {
        try (Database db = TestDatabases.fresh()) {
            long unit = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_org_unit(code, name, echelon, country)"
                        + " VALUES ('IQ-9DIV', '9th Armoured Division', 'DIVISION', 'Iraq') RETURNING id");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            VettingRequeueFeedback fb = new VettingRequeueFeedback();
            List<String> first = db.inTransaction(c -> fb.onConfirmed(c, 7, List.of(Long.toString(unit), "not-a-unit"),
                    "serial AB-0042 seen with Kata'ib Hizballah", "maria"));
            assertThat(first.get(0)).contains("unit:IQ-9DIV requeued for vetting", "deliveries held");
            assertThat(first.get(1)).contains("not a ledger unit id");
            List<VettingRequest> pending = db.read(c -> VettingStore.pendingFor(c, new NodeRef.Unit(unit)));
            assertThat(pending).singleElement().satisfies(r -> {
                assertThat(r.requeued()).isTrue();
                assertThat(r.note()).contains("confirmed diversion case 7");
            });
            ClearanceVerdict v = ClearanceRules.evaluate(new NodeRef.Unit(unit), LocalDate.now(), Optional.empty(),
                    pending, Set.of());
            assertThat(v).isInstanceOf(ClearanceVerdict.Refused.class);
            // a second confirmation does not queue the unit twice
            List<String> second = db.inTransaction(c -> fb.onConfirmed(c, 8, List.of(Long.toString(unit)), "again", "maria"));
            assertThat(second.getFirst()).contains("unit:IQ-9DIV already back in the vetting queue");
            List<VettingRequest> after = db.read(c -> VettingStore.pendingFor(c, new NodeRef.Unit(unit)));
            assertThat(after).hasSize(1);

            // unit risk sees the requeue
            UnitRisk risk = db.read(c -> UnitRiskQuery.risk(c, Long.toString(unit),
                    id -> new InventoryView.Figures(140, 35, "eum"), ScoringConfig.defaults(), LocalDate.now()));
            assertThat(risk.unitName()).isEqualTo("9th Armoured Division");
            assertThat(risk.factors().get(3).explanation()).contains("back in the vetting queue", "confirmed diversion case 7");
            assertThat(risk.factors().get(2).value()).isEqualTo(0.25);
            assertThat(risk.score()).isGreaterThan(0);
        }
    }
}
