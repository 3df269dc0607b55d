package org.custody.diversion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every number the suspicion score and the case rules use, each declared with its default and a sentence
 * saying what it does (documented in {@code docs/diversion-scoring.md}). Tuned through properties named
 * {@code diversion.<name>} (e.g. {@code diversion.weight.serial_match=0.3}); unknown names are refused so a
 * typo cannot silently leave a default in place.
 */
public final class ScoringConfig {

    /** One tunable number: name, default and what it means. */
    public record Parameter(String name, double defaultValue, String description) {}

    public static final List<Parameter> PARAMETERS = List.of(
            p("weight.article_match", 0.10, "Weight of how specifically the article seen matches a delivered article."),
            p("weight.serial_match", 0.20, "Weight of a serial number seen in the evidence matching a delivered serial."),
            p("weight.holder_not_approved", 0.20, "Weight of the holder not being an approved end-user of the candidate deliveries."),
            p("weight.holder_designated", 0.15, "Weight of the holder, its parent or an affiliate being on a watchlist."),
            p("weight.distance", 0.05, "Weight of the sighting's distance outside the approved unit's area of operation."),
            p("weight.corroboration", 0.12, "Weight of the number of independent origins (not documents) behind the claims."),
            p("weight.stance", 0.12, "Weight of how firmly the sources put the claim (asserted, hedged, denied)."),
            p("weight.recency", 0.06, "Weight of how recent the latest sighting is."),
            p("weight.inventory_gap", 0.08, "Weight of the candidate lots' inventory record (serials NOT_SEEN or missing, the sighted one above all)."),
            p("article.exact", 1.0, "Article-match value when a delivered article has the exact designation seen."),
            p("article.family", 0.6, "Article-match value when only the family matches (e.g. M1 Abrams)."),
            p("article.category", 0.25, "Article-match value when only the category matches (e.g. main battle tank)."),
            p("holder.unknown_actor", 1.0, "Not-approved value when the holder is not a ledger unit at all (a militia, a foreign force)."),
            p("holder.other_unit", 0.7, "Not-approved value when the holder is a ledger unit but not an approved end-user (internal re-transfer)."),
            p("designated.self", 1.0, "Designation value when the holder itself is listed."),
            p("designated.parent", 0.8, "Designation value when an organisation the holder is part of is listed."),
            p("designated.affiliate", 0.6, "Designation value when an organisation backing or affiliated with the holder is listed."),
            p("distance.saturation_km", 300, "Kilometres outside the approved area at which the distance value reaches 1."),
            p("distance.area_radius_km", 50, "Radius of a unit's area of operation when the ledger records only its centre."),
            p("distance.unknown", 0.5, "Distance value when the sighting or the approved unit's area has no coordinates."),
            p("corroboration.saturation", 3, "Independent origins at which corroboration reaches 1 (value = origins / this, capped at 1)."),
            p("stance.asserted", 1.0, "Stance value of an asserted claim."),
            p("stance.hedged", 0.5, "Stance value of a hedged claim (\"reportedly\", \"may be\")."),
            p("stance.denied", 0.0, "Stance value of a denied claim."),
            p("stance.denial_penalty", 0.25, "Subtracted from the best stance value when some source denies the claim."),
            p("stance.context_denial_penalty", 0.1, "Subtracted from the stance value when an official denial concerns the holder's class or umbrella (e.g. Shiite militias) rather than the claim itself."),
            p("inventory.sighted_missing", 1.0, "Inventory-gap value when a serial seen in the evidence is one the inventory recorded NOT_SEEN or missing."),
            p("inventory.gap", 0.6, "Inventory-gap value when the candidate lots have serials recorded NOT_SEEN or missing (the sighted one not among them, or none sighted)."),
            p("inventory.unknown", 0.3, "Inventory-gap value when no inventory covered the candidate lots."),
            p("recency.full_days", 365, "Sightings at most this many days old get recency 1."),
            p("recency.zero_days", 3650, "Sightings this many days old or older get recency 0 (linear in between)."),
            p("recency.unknown", 0.5, "Recency value when no sighting carries a date."),
            p("window.grace_days", 30, "A sighting may predate a recorded delivery by this many days (ledger dates lag)."),
            p("candidates.max", 25, "At most this many candidate deliveries are kept per finding (serial matches first)."),
            p("case.open_threshold", 0.5, "A finding opens a case at this score or above."),
            p("case.escalate_threshold", 0.75, "A case whose score rises to this or above is escalated (notified)."),
            p("risk.weight.confirmed", 0.40, "Unit risk: weight of confirmed diversion cases against the unit."),
            p("risk.weight.open", 0.20, "Unit risk: weight of open, under-review and referred cases against the unit."),
            p("risk.weight.delinquent", 0.20, "Unit risk: weight of the share of enhanced-monitoring items not verified in time."),
            p("risk.weight.vetting", 0.20, "Unit risk: weight of the unit's vetting status."),
            p("risk.confirmed_saturation", 1, "Unit risk: confirmed cases at which that factor reaches 1."),
            p("risk.open_saturation", 3, "Unit risk: open cases at which that factor reaches 1."),
            p("risk.vetting.approved", 0.0, "Unit risk: vetting value of an approved unit."),
            p("risk.vetting.restricted", 0.5, "Unit risk: vetting value of a restricted unit."),
            p("risk.vetting.pending", 0.7, "Unit risk: vetting value of an unvetted unit or one back in the vetting queue."),
            p("risk.vetting.denied", 1.0, "Unit risk: vetting value of a denied unit."));

    private static final Map<String, Parameter> BY_NAME;

    static {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Parameter p : PARAMETERS) m.put(p.name(), p);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private static Parameter p(String name, double def, String description) {
        return new Parameter(name, def, description);
    }

    private final Map<String, Double> values;

    private ScoringConfig(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    public static ScoringConfig defaults() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Parameter p : PARAMETERS) m.put(p.name(), p.defaultValue());
        return new ScoringConfig(m);
    }

    /** Defaults overridden by every {@code diversion.*} property; refuses unknown names and bad numbers. */
    public static ScoringConfig fromProperties(Properties props) {
        Map<String, Double> m = new LinkedHashMap<>(defaults().values);
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("diversion.")) continue;
            String name = key.substring("diversion.".length());
            if (!BY_NAME.containsKey(name)) {
                throw new IllegalArgumentException("unknown scoring parameter '" + key + "' (known: diversion."
                        + String.join(", diversion.", BY_NAME.keySet()) + ")");
            }
            String raw = props.getProperty(key).trim();
            double v;
            try {
                v = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("scoring parameter '" + key + "' must be a number, got '" + raw + "'");
            }
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("scoring parameter '" + key + "' must be a finite number >= 0, got " + raw);
            }
            m.put(name, v);
        }
        ScoringConfig c = new ScoringConfig(m);
        if (c.get("recency.zero_days") <= c.get("recency.full_days")) {
            throw new IllegalArgumentException("diversion.recency.zero_days must exceed diversion.recency.full_days");
        }
        if (c.get("distance.saturation_km") <= 0 || c.get("corroboration.saturation") <= 0) {
            throw new IllegalArgumentException("diversion.distance.saturation_km and diversion.corroboration.saturation must be > 0");
        }
        double weights = 0;
        for (String n : m.keySet()) if (n.startsWith("weight.")) weights += m.get(n);
        double riskWeights = 0;
        for (String n : m.keySet()) if (n.startsWith("risk.weight.")) riskWeights += m.get(n);
        if (riskWeights <= 0) throw new IllegalArgumentException("at least one diversion.risk.weight.* must be > 0");
        if (c.get("risk.confirmed_saturation") <= 0 || c.get("risk.open_saturation") <= 0) {
            throw new IllegalArgumentException("diversion.risk.*_saturation must be > 0");
        }
        if (weights <= 0) throw new IllegalArgumentException("at least one diversion.weight.* must be > 0");
        return c;
    }

    public ScoringConfig with(String name, double value) {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty("diversion." + k, Double.toString(v)));
        p.setProperty("diversion." + name, Double.toString(value));
        return fromProperties(p);
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalArgumentException("unknown scoring parameter '" + name + "'");
        return v;
    }

    public double weight(String feature) {
        return get("weight." + feature);
    }
}
