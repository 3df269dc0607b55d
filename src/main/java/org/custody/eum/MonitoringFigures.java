package org.custody.eum;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * End-use monitoring figures for a scope (a transfer, a unit and its sub-units) on a day: how many
 * enhanced-monitoring items there are, the share verified within the interval, and the delinquent,
 * unaccounted, missing and destroyed items by name.
 */
public record MonitoringFigures(String scope, LocalDate asOf, MonitoringPolicy policy, int items,
                                int enhancedItems, int enhancedVerified, double enhancedVerifiedShare,
                                Map<ItemState, Integer> byState, List<ItemAssessment> delinquent,
                                List<ItemAssessment> unaccounted, List<ItemAssessment> missing,
                                List<ItemAssessment> destroyed, String explanation) {

    public MonitoringFigures {
        byState = Map.copyOf(byState);
        delinquent = List.copyOf(delinquent);
        unaccounted = List.copyOf(unaccounted);
        missing = List.copyOf(missing);
        destroyed = List.copyOf(destroyed);
    }
}
