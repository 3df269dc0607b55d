package org.custody.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custody.diversion.Factor;
import org.custody.diversion.InventoryView;
import org.custody.diversion.ScoringConfig;
import org.custody.diversion.UnitRisk;
import org.custody.store.diversion.UnitRiskQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code custody unit-risk}: per-unit risk (cases, inventories, vetting) with its breakdown. */
@Command(name = "unit-risk", mixinStandardHelpOptions = true,
        description = "Risk figure of recipient units: confirmed and open diversion cases, delinquent inventories, vetting standing.")
final class UnitRiskCommand implements Runnable {

    private final CliContext context;

    @Parameters(arity = "0..*", paramLabel = "UNIT", description = "Ledger unit codes or ids (default: every unit concerned by a case).")
    List<String> units = new ArrayList<>();

    @Option(names = "--json", description = "JSON Lines: unit (code), unitId, name, score, factors.")
    boolean json;

    UnitRiskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        ScoringConfig cfg = DiversionSettings.scoring(context);
        List<UnitRisk> risks = context.database().read(c -> {
            InventoryView inventory = new org.custody.store.diversion.EumInventory(c, LocalDate.now());
            List<String> ids = units.isEmpty() ? UnitRiskQuery.unitsWithCases(c)
                    : units.stream().map(u -> Long.toString(Refs.unit(context.database(), u).id())).toList();
            List<UnitRisk> out = new ArrayList<>();
            for (String id : ids) out.add(UnitRiskQuery.risk(c, id, inventory, cfg, LocalDate.now()));
            return out;
        });
        risks.sort((a, b) -> Double.compare(b.score(), a.score()));
        Map<String, String> codes = new java.util.HashMap<>();
        for (UnitRisk r : risks) {
            // the public code as every other command prints it; the internal id stays available as unitId
            Long id = numericId(r.unitId());
            codes.put(r.unitId(), id == null ? r.unitId() : context.database().read(c ->
                    org.custody.store.ledger.OrgUnitStore.byId(c, id)).map(org.custody.ledger.OrgUnit::code).orElse(r.unitId()));
        }
        for (UnitRisk r : risks) {
            if (json) {
                Map<String, Object> m = UnitRiskQuery.view(r, codes.get(r.unitId()));
                System.out.println(Json.line(m));
            } else {
                System.out.printf(Locale.ROOT, "%s  %s  risk %.3f%n", codes.get(r.unitId()), r.unitName(), r.score());
                for (Factor f : r.factors()) {
                    System.out.printf(Locale.ROOT, "  %-22s %.2f × %.2f  %3.0f%%  %s%n", f.name(), f.value(), f.weight(),
                            f.share() * 100, f.explanation());
                }
            }
        }
        if (!json && risks.isEmpty()) System.out.println("no unit is concerned by a diversion case");
    }

    private static Long numericId(String id) {
        return id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }
}
