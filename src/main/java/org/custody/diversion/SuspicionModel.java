package org.custody.diversion;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The diversion-suspicion score, declared as data: a list of named features, each with a description and a
 * weight from {@link ScoringConfig}. The score is the weighted mean of the feature values,
 * {@code Σ weight·value / Σ weight}, so it stays in [0, 1] however the weights are tuned, and every
 * factor's contribution and share of it can be shown.
 */
public final class SuspicionModel {

    /** A feature's value for one sighting and the words that justify it. */
    public record Valued(double value, String explanation) {
        public Valued {
            if (!(value >= 0 && value <= 1)) throw new IllegalArgumentException("feature value out of [0,1]: " + value);
        }
    }

    /** One named feature: what it measures and how. */
    public record Feature(String name, String description, BiFunction<Sighting, ScoringConfig, Valued> evaluate) {}

    public static final List<Feature> FEATURES = List.of(
            new Feature("article_match",
                    "How specifically the article seen matches the candidate deliveries: serial or designation, family, category.",
                    SuspicionModel::articleMatch),
            new Feature("serial_match",
                    "A serial number seen in the evidence is one the ledger delivered: decisive, it names the delivery.",
                    SuspicionModel::serialMatch),
            new Feature("holder_not_approved",
                    "The holder is not an approved end-user of the candidate deliveries (nor a sub-unit of one).",
                    SuspicionModel::holderNotApproved),
            new Feature("holder_designated",
                    "The holder, an organisation it is part of, or one backing it is on a watchlist.",
                    SuspicionModel::holderDesignated),
            new Feature("distance",
                    "How far outside the approved unit's area of operation the article was seen.",
                    SuspicionModel::distance),
            new Feature("corroboration",
                    "How many independent origins (not documents: re-reports of one wire story count once) carry the claim.",
                    SuspicionModel::corroboration),
            new Feature("stance",
                    "How firmly the sources put the claim: asserted over hedged over denied; an official denial lowers it.",
                    SuspicionModel::stance),
            new Feature("recency",
                    "How recent the latest sighting is.",
                    SuspicionModel::recency),
            new Feature("inventory_gap",
                    "What the end-use inventories of the candidate lots recorded: serials NOT_SEEN or missing, above all the one sighted.",
                    SuspicionModel::inventoryGap));

    private final ScoringConfig config;

    public SuspicionModel(ScoringConfig config) {
        this.config = config;
    }

    public ScoringConfig config() {
        return config;
    }

    /** The score and its breakdown, one factor per feature, in declaration order. */
    public Scored score(Sighting s) {
        double weightSum = 0;
        for (Feature f : FEATURES) weightSum += config.weight(f.name());
        List<Valued> values = new ArrayList<>(FEATURES.size());
        double score = 0;
        for (Feature f : FEATURES) {
            Valued v = f.evaluate().apply(s, config);
            values.add(v);
            score += config.weight(f.name()) * v.value() / weightSum;
        }
        List<Factor> factors = new ArrayList<>(FEATURES.size());
        for (int i = 0; i < FEATURES.size(); i++) {
            Feature f = FEATURES.get(i);
            double w = config.weight(f.name());
            double contribution = w * values.get(i).value() / weightSum;
            factors.add(new Factor(f.name(), round(values.get(i).value()), w, round(contribution),
                    score == 0 ? 0 : round(contribution / score), values.get(i).explanation()));
        }
        return new Scored(round(score), List.copyOf(factors));
    }

    /** A score with its factors. */
    public record Scored(double score, List<Factor> factors) {}

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // ---- the features ----

    static Valued articleMatch(Sighting s, ScoringConfig c) {
        String shown = s.candidates().isEmpty() ? "no delivery" : s.candidates().getFirst().article().label();
        return switch (s.level()) {
            case SERIAL, EXACT -> new Valued(c.get("article.exact"),
                    "designation '" + s.article().label() + "' matches delivered '" + shown + "' exactly");
            case FAMILY -> new Valued(c.get("article.family"),
                    "only the family matches: '" + s.article().label() + "' vs delivered '" + shown + "' (family "
                            + s.candidates().getFirst().article().family() + ")");
            case CATEGORY -> new Valued(c.get("article.category"),
                    "only the category matches: '" + s.article().label() + "' vs delivered '" + shown + "' (category "
                            + s.candidates().getFirst().article().category() + ")");
        };
    }

    static Valued serialMatch(Sighting s, ScoringConfig c) {
        if (s.serialMatches().isEmpty()) {
            boolean anySeen = s.claims().stream().anyMatch(cl -> cl.serial() != null);
            return new Valued(0, anySeen ? "serials seen in the evidence match no delivered serial"
                    : "no serial number seen in the evidence");
        }
        List<String> parts = new ArrayList<>();
        s.serialMatches().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + " delivered under transfer " + e.getValue()));
        return new Valued(1, "serial " + String.join("; ", parts) + " (decisive: the delivery is identified)");
    }

    static Valued holderNotApproved(Sighting s, ScoringConfig c) {
        String holder = s.holder().name();
        return switch (s.holderStatus()) {
            case APPROVED_UNIT -> new Valued(0, holder + " is the approved end-user " + s.approvedVia().name());
            case APPROVED_SUB_UNIT -> new Valued(0, holder + " is a sub-unit of the approved end-user "
                    + s.approvedVia().name());
            case RECIPIENT_FORCES -> new Valued(0, holder + " belongs to the forces of the recipient country; the "
                    + "delivery is a country-level record naming no end-user unit");
            case OTHER_UNIT -> new Valued(c.get("holder.other_unit"), holder
                    + " is a ledger unit but neither an approved end-user of the candidate deliveries nor under one ("
                    + approvedList(s) + ")");
            case UNKNOWN_ACTOR -> new Valued(c.get("holder.unknown_actor"), holder
                    + " is not a recipient unit in the ledger; approved end-users: " + approvedList(s));
        };
    }

    private static String approvedList(Sighting s) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (CandidateTransfer t : s.candidates()) for (UnitRef u : t.approvedEndUsers()) names.add(u.name());
        return names.isEmpty() ? "none recorded" : String.join(", ", names);
    }

    static Valued holderDesignated(Sighting s, ScoringConfig c) {
        if (s.designation().isEmpty()) return new Valued(0, s.holder().name() + " is not designated on the loaded lists");
        Designation d = s.designation().get();
        double v = switch (d.path()) {
            case SELF -> c.get("designated.self");
            case PARENT -> c.get("designated.parent");
            case AFFILIATE -> c.get("designated.affiliate");
        };
        String via = switch (d.path()) {
            case SELF -> s.holder().name() + " is listed";
            case PARENT -> s.holder().name() + " is part of " + d.viaName() + ", which is listed";
            case AFFILIATE -> s.holder().name() + " is affiliated with " + d.viaName() + ", which is listed";
        };
        return new Valued(v, via + " as " + d.listedName() + " (" + String.join(", ", d.lists()) + ", match "
                + fmt(d.matchScore()) + "): " + d.explanation());
    }

    static Valued distance(Sighting s, ScoringConfig c) {
        double best = Double.NaN;
        String bestUnit = null;
        String bestPlace = null;
        List<UnitRef> areas = new ArrayList<>();
        if (s.approvedVia() != null) areas.add(s.approvedVia());
        else for (CandidateTransfer t : s.candidates()) areas.addAll(t.approvedEndUsers());
        for (EvidenceClaim cl : s.claims()) {
            if (cl.coordinates() == null) continue;
            for (UnitRef u : areas) {
                double km = u.kmOutsideArea(cl.coordinates());
                if (!Double.isNaN(km) && (Double.isNaN(best) || km < best)) {
                    best = km;
                    bestUnit = u.name();
                    bestPlace = cl.place() == null ? cl.coordinates().toString() : cl.place();
                }
            }
        }
        if (Double.isNaN(best)) {
            return new Valued(c.get("distance.unknown"),
                    "no sighting coordinates or no area of operation for the approved units: neutral value");
        }
        double sat = c.get("distance.saturation_km");
        double v = Math.min(1, best / sat);
        return new Valued(v, best == 0 ? "seen at " + bestPlace + ", inside the area of operation of " + bestUnit
                : "seen at " + bestPlace + ", " + Math.round(best) + " km outside the area of operation of " + bestUnit
                        + " (1.0 at " + Math.round(sat) + " km)");
    }

    static Valued corroboration(Sighting s, ScoringConfig c) {
        Set<String> origins = new HashSet<>();
        Set<String> documents = new HashSet<>();
        for (EvidenceClaim cl : s.claims()) {
            if (cl.stance() == Stance.DENIED) continue;
            origins.addAll(cl.origins());
            if (cl.documentId() != null) documents.add(cl.documentId());
        }
        double sat = c.get("corroboration.saturation");
        double v = Math.min(1, origins.size() / sat);
        return new Valued(v, origins.size() + " independent origin(s) across " + documents.size()
                + " document(s) asserting or hedging the claim (1.0 at " + Math.round(sat) + ")");
    }

    static Valued stance(Sighting s, ScoringConfig c) {
        int asserted = 0, hedged = 0, denied = 0;
        for (EvidenceClaim cl : s.claims()) {
            switch (cl.stance()) {
                case ASSERTED -> asserted++;
                case HEDGED -> hedged++;
                case DENIED -> denied++;
            }
        }
        double best = asserted > 0 ? c.get("stance.asserted") : hedged > 0 ? c.get("stance.hedged") : c.get("stance.denied");
        double v = denied > 0 ? Math.max(0, best - c.get("stance.denial_penalty")) : best;
        v = Math.min(1, v);
        String denials = s.claims().stream().filter(cl -> cl.stance() == Stance.DENIED)
                .map(cl -> cl.attributedTo() == null ? "a source" : cl.attributedTo()).distinct()
                .reduce((a, b) -> a + ", " + b).map(x -> "; denied by " + x).orElse("");
        List<String> context = new ArrayList<>();
        for (Statement st : s.statements()) {
            if (st.stance() != Stance.DENIED) continue;
            context.add((st.attributedTo() == null ? "a source" : st.attributedTo()) + " denies it about "
                    + st.about().name() + (st.date() == null ? "" : " (" + st.date() + ")") + ": \"" + abbreviate(st.sentence()) + "\"");
        }
        if (!context.isEmpty()) {
            v = Math.max(0, v - c.get("stance.context_denial_penalty"));
        }
        String ctx = context.isEmpty() ? "" : "; official denial concerning the holder or its class, minus "
                + fmt(c.get("stance.context_denial_penalty")) + ": " + String.join("; ", context);
        return new Valued(v, asserted + " asserted, " + hedged + " hedged, " + denied + " denied" + denials + ctx);
    }

    private static String abbreviate(String x) {
        if (x == null) return "";
        return x.length() <= 140 ? x : x.substring(0, 137) + "...";
    }

    static Valued inventoryGap(Sighting s, ScoringConfig c) {
        List<InventoryGap> covered = s.inventory().stream().filter(g -> g.checked() > 0).toList();
        if (covered.isEmpty()) {
            return new Valued(s.candidates().isEmpty() ? 0 : c.get("inventory.unknown"), s.candidates().isEmpty()
                    ? "no candidate delivery" : "no end-use inventory covered the candidate lots: neutral value");
        }
        Set<String> sighted = new HashSet<>();
        for (EvidenceClaim cl : s.claims()) if (cl.serial() != null) sighted.add(serialKey(cl.serial()));
        List<String> parts = new ArrayList<>();
        boolean sightedMissing = false;
        int missing = 0;
        for (InventoryGap g : covered) {
            missing += g.missing().size();
            List<String> hit = g.missing().stream().filter(m -> sighted.contains(serialKey(m))).toList();
            if (!hit.isEmpty()) sightedMissing = true;
            parts.add(g.transferId() + ": " + g.missing().size() + " of " + g.serials() + " serials recorded NOT_SEEN or missing"
                    + (g.lastCheck() == null ? "" : " at the inventory of " + g.lastCheck())
                    + (g.missing().isEmpty() ? "" : " (" + preview(g.missing()) + ")")
                    + (hit.isEmpty() ? "" : "; the sighted serial " + String.join(", ", hit) + " is one of them"));
        }
        if (sightedMissing) return new Valued(c.get("inventory.sighted_missing"), String.join("; ", parts));
        if (missing > 0) return new Valued(c.get("inventory.gap"), String.join("; ", parts));
        return new Valued(0, String.join("; ", parts) + ": the inventories account for every serial");
    }

    private static String preview(List<String> serials) {
        return serials.size() <= 6 ? String.join(", ", serials)
                : String.join(", ", serials.subList(0, 6)) + " and " + (serials.size() - 6) + " more";
    }

    private static String serialKey(String serial) {
        return serial.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static Valued recency(Sighting s, ScoringConfig c) {
        java.time.LocalDate latest = null;
        for (EvidenceClaim cl : s.claims()) {
            if (cl.date() != null && (latest == null || cl.date().isAfter(latest))) latest = cl.date();
        }
        if (latest == null) return new Valued(c.get("recency.unknown"), "no sighting carries a date: neutral value");
        long days = Math.max(0, ChronoUnit.DAYS.between(latest, s.asOf()));
        double full = c.get("recency.full_days");
        double zero = c.get("recency.zero_days");
        double v = days <= full ? 1 : days >= zero ? 0 : 1 - (days - full) / (zero - full);
        return new Valued(v, "latest sighting " + latest + ", " + days + " days before " + s.asOf());
    }
}
