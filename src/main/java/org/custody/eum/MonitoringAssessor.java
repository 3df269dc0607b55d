package org.custody.eum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes item states and monitoring figures from item histories. Pure: the same histories, day and
 * policy always give the same figures, each with its explanation.
 */
public final class MonitoringAssessor {

    private final MonitoringPolicy policy;

    public MonitoringAssessor(MonitoringPolicy policy) {
        this.policy = policy;
    }

    public ItemAssessment assess(ItemHistory item, LocalDate asOf) {
        Optional<LocalDate> lastVerified = Optional.empty();
        ItemEvent lastLoss = null;      // NOT_SEEN observation or CONFIRMED_MISSING follow-up still standing
        ItemEvent destroyed = null;
        for (ItemEvent e : item.events()) {
            if (e.date().isAfter(asOf)) continue;
            switch (e) {
                case ItemEvent.Observed o -> {
                    if (o.status().verifies()) {
                        lastVerified = Optional.of(o.date());
                        lastLoss = null;
                        destroyed = null;
                    } else if (o.status() == ObservationStatus.NOT_SEEN) {
                        if (!(lastLoss instanceof ItemEvent.FollowedUp)) lastLoss = o;
                    } else {
                        destroyed = o;
                    }
                }
                case ItemEvent.FollowedUp f -> {
                    switch (f.outcome()) {
                        case LOCATED -> {
                            lastVerified = Optional.of(f.date());
                            lastLoss = null;
                            destroyed = null;
                        }
                        case CONFIRMED_MISSING -> lastLoss = f;
                        case CONFIRMED_DESTROYED -> destroyed = f;
                        case PENDING, REPORTED -> { }
                    }
                }
            }
        }
        if (destroyed != null) {
            return new ItemAssessment(item, ItemState.DESTROYED, lastVerified,
                    "reported destroyed on " + destroyed.date() + ": " + destroyed.note());
        }
        if (lastLoss instanceof ItemEvent.FollowedUp f) {
            return new ItemAssessment(item, ItemState.MISSING, lastVerified,
                    "confirmed missing by follow-up on " + f.date() + ": " + f.note());
        }
        if (lastLoss instanceof ItemEvent.Observed o) {
            return new ItemAssessment(item, ItemState.UNACCOUNTED, lastVerified,
                    "not seen at the check of " + o.date() + " (" + o.place() + ", " + o.inspector()
                            + ") and not seen since" + (o.note().isEmpty() ? "" : ": " + o.note()));
        }
        Optional<LocalDate> since = lastVerified.or(item::deliveryDate);
        if (since.isEmpty()) {
            return new ItemAssessment(item, ItemState.DELINQUENT, lastVerified,
                    "never verified and its delivery date is unknown");
        }
        LocalDate due = since.get().plus(policy.interval());
        if (asOf.isAfter(due)) {
            return new ItemAssessment(item, ItemState.DELINQUENT, lastVerified, (lastVerified.isPresent()
                    ? "last verified " + lastVerified.get() : "never verified since delivery on " + since.get())
                    + "; a check was due by " + due);
        }
        if (lastVerified.isPresent()) {
            return new ItemAssessment(item, ItemState.VERIFIED, lastVerified, "verified on " + lastVerified.get()
                    + "; next check due by " + due);
        }
        return new ItemAssessment(item, ItemState.NOT_YET_DUE, lastVerified, "delivered on " + since.get()
                + "; first check due by " + due);
    }

    public MonitoringFigures figures(String scope, List<ItemHistory> items, LocalDate asOf) {
        Map<ItemState, Integer> byState = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) byState.put(s, 0);
        List<ItemAssessment> delinquent = new ArrayList<>();
        List<ItemAssessment> unaccounted = new ArrayList<>();
        List<ItemAssessment> missing = new ArrayList<>();
        List<ItemAssessment> destroyed = new ArrayList<>();
        int enhanced = 0;
        int enhancedVerified = 0;
        LocalDate windowStart = asOf.minus(policy.interval());
        for (ItemHistory item : items) {
            ItemAssessment a = assess(item, asOf);
            byState.merge(a.state(), 1, Integer::sum);
            if (item.enhancedMonitoring()) {
                enhanced++;
                if (a.lastVerified().filter(d -> !d.isBefore(windowStart)).isPresent()
                        && a.state() == ItemState.VERIFIED) {
                    enhancedVerified++;
                }
            }
            switch (a.state()) {
                case DELINQUENT -> {
                    // only enhanced-monitoring items carry a serial-number inventory obligation
                    if (item.enhancedMonitoring()) delinquent.add(a);
                }
                case UNACCOUNTED -> unaccounted.add(a);
                case MISSING -> missing.add(a);
                case DESTROYED -> destroyed.add(a);
                default -> { }
            }
        }
        double share = enhanced == 0 ? 0.0 : (double) enhancedVerified / enhanced;
        String explanation = enhanced == 0
                ? scope + ": no enhanced-monitoring items recorded"
                : "%s: %d of %d enhanced-monitoring items (%.0f%%) verified between %s and %s; %d delinquent, %d unaccounted, %d missing, %d destroyed (of %d serialised items)"
                        .formatted(scope, enhancedVerified, enhanced, share * 100, windowStart, asOf,
                                delinquent.size(), unaccounted.size(), missing.size(), destroyed.size(), items.size());
        return new MonitoringFigures(scope, asOf, policy, items.size(), enhanced, enhancedVerified, share, byState,
                delinquent, unaccounted, missing, destroyed, explanation);
    }
}
