package org.custody.diversion;

import java.util.ArrayList;
import java.util.List;

/**
 * A recipient unit's risk figure with its breakdown: confirmed and open diversion cases against it,
 * delinquent end-use inventories, and its vetting standing. Weighted mean of the four values, so in
 * [0, 1]; weights and saturations are {@code diversion.risk.*} parameters.
 */
public record UnitRisk(String unitId, String unitName, double score, List<Factor> factors) {

    /** The figures the risk is computed from. */
    public record Inputs(String unitId, String unitName, int confirmedCases, int openCases, int enhancedItems,
                         int delinquentItems, VettingStanding vetting, String vettingNote) {}

    public static UnitRisk of(Inputs in, ScoringConfig c) {
        String[] names = {"confirmed_cases", "open_cases", "delinquent_inventory", "vetting"};
        double[] weights = {c.get("risk.weight.confirmed"), c.get("risk.weight.open"),
                c.get("risk.weight.delinquent"), c.get("risk.weight.vetting")};
        double[] values = new double[4];
        String[] why = new String[4];
        values[0] = Math.min(1, in.confirmedCases() / c.get("risk.confirmed_saturation"));
        why[0] = in.confirmedCases() + " confirmed diversion case(s) (1.0 at " + fmt(c.get("risk.confirmed_saturation")) + ")";
        values[1] = Math.min(1, in.openCases() / c.get("risk.open_saturation"));
        why[1] = in.openCases() + " open, under-review or referred case(s) (1.0 at " + fmt(c.get("risk.open_saturation")) + ")";
        values[2] = in.enhancedItems() <= 0 ? 0 : Math.min(1, (double) in.delinquentItems() / in.enhancedItems());
        why[2] = in.enhancedItems() <= 0 ? "no enhanced-monitoring items delivered to the unit"
                : in.delinquentItems() + " of " + in.enhancedItems() + " enhanced-monitoring items delinquent";
        values[3] = switch (in.vetting()) {
            case APPROVED -> c.get("risk.vetting.approved");
            case RESTRICTED -> c.get("risk.vetting.restricted");
            case PENDING -> c.get("risk.vetting.pending");
            case DENIED -> c.get("risk.vetting.denied");
        };
        values[3] = Math.min(1, values[3]);
        why[3] = "vetting " + in.vetting().wire() + (in.vettingNote() == null ? "" : " (" + in.vettingNote() + ")");
        double wsum = weights[0] + weights[1] + weights[2] + weights[3];
        double score = 0;
        for (int i = 0; i < 4; i++) score += weights[i] * values[i] / wsum;
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double contribution = weights[i] * values[i] / wsum;
            factors.add(new Factor(names[i], SuspicionModel.round(values[i]), weights[i],
                    SuspicionModel.round(contribution), score == 0 ? 0 : SuspicionModel.round(contribution / score), why[i]));
        }
        return new UnitRisk(in.unitId(), in.unitName(), SuspicionModel.round(score), List.copyOf(factors));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
