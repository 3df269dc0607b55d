package org.custody.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.custody.eum.ItemAssessment;
import org.custody.eum.ItemHistory;
import org.custody.eum.ItemState;
import org.custody.eum.MonitoringAssessor;
import org.custody.eum.MonitoringPolicy;

/**
 * End-use-monitoring figures for a report, accumulated one item at a time so a million serials never sit in
 * memory together. Every item is assessed by the {@link MonitoringAssessor} on the report's day and on each
 * month end of the trend; only enhanced-monitoring items carry the serial-number inventory obligation, so
 * only they count as delinquent (as in {@code custody eum status}).
 */
public final class MonitoringTally {

    /** Overdue-age classes of delinquent items, in print order. */
    public static final List<String> AGE_CLASSES = List.of("1-90 days overdue", "91-180 days overdue",
            "181-365 days overdue", "over a year overdue", "delivery date unknown");

    /** An item not seen at its last check or confirmed missing, with the sentence that says so. */
    public record Unaccounted(String serial, String designation, String unit, String caseId, ItemState state,
                              String explanation) {}

    private final MonitoringAssessor assessor;
    private final MonitoringPolicy policy;
    private final LocalDate asOf;
    private final List<LocalDate> trendDays;
    private final int[] trendDelinquent;
    private final int[] trendEnhanced;
    private int items;
    private int enhanced;
    private int enhancedOnTime;
    private final Map<ItemState, Integer> enhancedByState = new EnumMap<>(ItemState.class);
    private final Map<ItemState, Integer> routineByState = new EnumMap<>(ItemState.class);
    private final Map<String, Integer> delinquentByUnit = new TreeMap<>();
    private final Map<String, Integer> delinquentByArticle = new TreeMap<>();
    private final int[] delinquentByAge = new int[AGE_CLASSES.size()];
    private final List<Unaccounted> unaccounted = new ArrayList<>();

    /** @param trendMonths how many month ends (the last being {@code asOf}) the delinquency trend covers */
    public MonitoringTally(MonitoringPolicy policy, LocalDate asOf, int trendMonths) {
        this.policy = policy;
        this.assessor = new MonitoringAssessor(policy);
        this.asOf = asOf;
        List<LocalDate> days = new ArrayList<>();
        for (int i = trendMonths - 1; i >= 1; i--) {
            LocalDate d = asOf.minusMonths(i);
            days.add(d.withDayOfMonth(d.lengthOfMonth()));
        }
        days.add(asOf);
        this.trendDays = List.copyOf(days);
        this.trendDelinquent = new int[days.size()];
        this.trendEnhanced = new int[days.size()];
        for (ItemState s : ItemState.values()) {
            enhancedByState.put(s, 0);
            routineByState.put(s, 0);
        }
    }

    public void add(ItemHistory item) {
        if (item.deliveryDate().filter(d -> d.isAfter(asOf)).isPresent()) return;   // not yet delivered on the day
        items++;
        ItemState state = assessor.state(item, asOf);
        (item.enhancedMonitoring() ? enhancedByState : routineByState).merge(state, 1, Integer::sum);
        if (item.enhancedMonitoring()) {
            enhanced++;
            if (state == ItemState.VERIFIED) enhancedOnTime++;
            if (state == ItemState.DELINQUENT) {
                delinquentByUnit.merge(item.unitCode().orElse("(no unit recorded)"), 1, Integer::sum);
                delinquentByArticle.merge(item.designation(), 1, Integer::sum);
                delinquentByAge[ageClass(item, assessor.assess(item, asOf))]++;
            }
            for (int i = 0; i < trendDays.size(); i++) {
                LocalDate d = trendDays.get(i);
                if (item.deliveryDate().filter(x -> x.isAfter(d)).isPresent()) continue;
                trendEnhanced[i]++;
                if ((i == trendDays.size() - 1 ? state : assessor.state(item, d)) == ItemState.DELINQUENT) trendDelinquent[i]++;
            }
        }
        if (state == ItemState.UNACCOUNTED || state == ItemState.MISSING) {
            ItemAssessment a = assessor.assess(item, asOf);
            unaccounted.add(new Unaccounted(item.serial(), item.designation(), item.unitCode().orElse(""), item.caseId(),
                    state, a.explanation()));
        }
    }

    private int ageClass(ItemHistory item, ItemAssessment a) {
        Optional<LocalDate> since = a.lastVerified().or(item::deliveryDate);
        if (since.isEmpty()) return 4;
        long overdue = ChronoUnit.DAYS.between(since.get().plus(policy.interval()), asOf);
        if (overdue <= 90) return 0;
        if (overdue <= 180) return 1;
        if (overdue <= 365) return 2;
        return 3;
    }

    public MonitoringPolicy policy() { return policy; }
    public LocalDate asOf() { return asOf; }
    public int items() { return items; }
    public int enhanced() { return enhanced; }
    public int routine() { return items - enhanced; }
    public int enhancedOnTime() { return enhancedOnTime; }
    public Map<ItemState, Integer> enhancedByState() { return java.util.Collections.unmodifiableMap(enhancedByState); }
    public Map<ItemState, Integer> routineByState() { return java.util.Collections.unmodifiableMap(routineByState); }
    public int delinquent() { return enhancedByState.get(ItemState.DELINQUENT); }
    public Map<String, Integer> delinquentByUnit() { return java.util.Collections.unmodifiableMap(delinquentByUnit); }
    public Map<String, Integer> delinquentByArticle() { return java.util.Collections.unmodifiableMap(delinquentByArticle); }

    public List<Integer> delinquentByAge() {
        List<Integer> out = new ArrayList<>();
        for (int n : delinquentByAge) out.add(n);
        return out;
    }

    /** Unaccounted and missing items in serial order. */
    public List<Unaccounted> unaccounted() {
        return unaccounted.stream().sorted(java.util.Comparator.comparing(Unaccounted::serial)
                .thenComparing(Unaccounted::caseId)).toList();
    }

    public List<QuarterlyReport.TrendPoint> trend() {
        List<QuarterlyReport.TrendPoint> out = new ArrayList<>();
        for (int i = 0; i < trendDays.size(); i++) {
            out.add(new QuarterlyReport.TrendPoint(trendDays.get(i), trendDelinquent[i], trendEnhanced[i]));
        }
        return out;
    }
}
