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

    /**
     * What decides an item's state on a day: the state, the last verification, the event that decided it (a
     * destruction or loss) and, for a time-based state, the date counted from. Computed without building
     * the explanation, so it can be asked on many days for many items (the oversight report's trend).
     */
    private record Verdict(ItemState state, Optional<LocalDate> lastVerified, ItemEvent cause, LocalDate since) {}

    public ItemAssessment assess(ItemHistory item, LocalDate asOf) {
        Verdict v = verdict(item, asOf);
        String why = switch (v.state()) {
            case DESTROYED -> "reported destroyed on " + v.cause().date() + ": " + v.cause().note();
            case MISSING -> "confirmed missing by follow-up on " + v.cause().date() + ": " + v.cause().note();
            case UNACCOUNTED -> {
                ItemEvent.Observed o = (ItemEvent.Observed) v.cause();
                yield "not seen at the check of " + o.date() + " (" + o.place() + ", " + o.inspector()
                        + ") and not seen since" + (o.note().isEmpty() ? "" : ": " + o.note());
            }
            case DELINQUENT -> v.since() == null ? "never verified and its delivery date is unknown"
                    : (v.lastVerified().isPresent() ? "last verified " + v.lastVerified().get()
                    : "never verified since delivery on " + v.since()) + "; a check was due by " + v.since().plus(policy.interval());
            case VERIFIED -> "verified on " + v.lastVerified().get() + "; next check due by " + v.since().plus(policy.interval());
            case NOT_YET_DUE -> "delivered on " + v.since() + "; first check due by " + v.since().plus(policy.interval());
        };
        return new ItemAssessment(item, v.state(), v.lastVerified(), why);
    }

    /** The item's state on a day, as {@link #assess} decides it, without its explanation. */
    public ItemState state(ItemHistory item, LocalDate asOf) {
        return verdict(item, asOf).state();
    }

    private Verdict verdict(ItemHistory item, LocalDate asOf) {
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
        if (destroyed != null) return new Verdict(ItemState.DESTROYED, lastVerified, destroyed, null);
        if (lastLoss instanceof ItemEvent.FollowedUp) return new Verdict(ItemState.MISSING, lastVerified, lastLoss, null);
        if (lastLoss instanceof ItemEvent.Observed) return new Verdict(ItemState.UNACCOUNTED, lastVerified, lastLoss, null);
        Optional<LocalDate> since = lastVerified.or(item::deliveryDate);
        if (since.isEmpty()) return new Verdict(ItemState.DELINQUENT, lastVerified, null, null);
        LocalDate due = since.get().plus(policy.interval());
        if (asOf.isAfter(due)) return new Verdict(ItemState.DELINQUENT, lastVerified, null, since.get());
        if (lastVerified.isPresent()) return new Verdict(ItemState.VERIFIED, lastVerified, null, since.get());
        return new Verdict(ItemState.NOT_YET_DUE, lastVerified, null, since.get());
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
