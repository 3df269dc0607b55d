package org.custody.screening;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The screening score declared as data (after nomenklatura's logic-v2): a list of named features, each
 * with a weight and one sentence saying what it measures. The score is the weighted sum of the feature
 * values, clamped to 0..1; explanations list every feature that fired with its contribution.
 */
public final class ScoringModel {

    public record Feature(String name, double weight, String description) { }

    public static final String NAME_MATCH = "name_match";
    public static final String LOW_SPECIFICITY = "low_specificity";
    public static final String WEAK_ALIAS = "weak_alias";
    public static final String SCHEMA_MISMATCH = "schema_mismatch";
    public static final String DOB_MATCH = "dob_year_match";
    public static final String DOB_MISMATCH = "dob_year_disjoint";
    public static final String COUNTRY_MATCH = "country_match";
    public static final String COUNTRY_MISMATCH = "country_disjoint";
    public static final String COMPLETE_MATCH = "complete_match";
    public static final String NUMBER_DIFFERS = "number_differs";
    public static final String NAME_PART_CONFLICT = "name_part_conflict";
    public static final String ORG_TYPE_MISMATCH = "org_type_mismatch";
    public static final String UNMATCHED_DISTINCTIVE_PART = "unmatched_distinctive_part";

    public static final ScoringModel DEFAULT = new ScoringModel(List.of(
            new Feature(NAME_MATCH, 1.0,
                    "Token alignment of the two names: the rarity-weighted share of each side's tokens matched, "
                            + "times their similarity, combined as the harmonic mean of both sides' coverage."),
            new Feature(LOW_SPECIFICITY, -0.35,
                    "How little identifying information the matched tokens carry (generic, common or "
                            + "organisation-type words), 1 when none, 0 at two rare tokens or more."),
            new Feature(WEAK_ALIAS, -0.1,
                    "The match is on a weak a.k.a., which the list says is not enough to identify alone."),
            new Feature(SCHEMA_MISMATCH, -0.5,
                    "The query asks for a different kind of entity (a person against a vessel)."),
            new Feature(DOB_MATCH, 0.05,
                    "A birth year given with the query equals one the list records."),
            new Feature(DOB_MISMATCH, -0.15,
                    "Birth years are known on both sides and none agrees."),
            new Feature(NUMBER_DIFFERS, -0.15,
                    "A code's number (a registration, hull or tail number of three digits or more) differs from the "
                            + "listed code's by one digit: the likeliest listed code when one was mistyped, but as often "
                            + "another vessel or aircraft of a listed fleet, so it ranks without alerting."),
            new Feature(COUNTRY_MATCH, 0.03,
                    "The query's country (a person's nationality, a unit's country) is one of the listed entity's "
                            + "nationalities or address countries, compared as ISO codes."),
            new Feature(COUNTRY_MISMATCH, -0.2,
                    "Countries are known on both sides (ISO codes from names, codes, demonyms or local names) "
                            + "and none agrees."),
            new Feature(COMPLETE_MATCH, 0.02,
                    "Every token of both names aligned at 0.9 or more and the name is specific enough: "
                            + "the whole listed name was given, so low_specificity does not apply."),
            new Feature(NAME_PART_CONFLICT, -0.15,
                    "Each name has a name part the other contradicts (unmatched, or aligned below 0.85 and more than "
                            + "one edit away: a different given name, family name or word, not a typo); the value is the smaller side's "
                            + "rarity-weighted share of such parts, so a part missing on one side only costs nothing here."),
            new Feature(ORG_TYPE_MISMATCH, -0.16,
                    "An organisation type in one name (group, brigade, exchange, services, trading...; legal forms "
                            + "such as LLC or S.A. aside) has no partner in the other, which states a type too: a related "
                            + "but different organisation (1); 0.5 when the other name states no type at all or has an "
                            + "unmatched part that may be the type word misspelt."),
            new Feature(UNMATCHED_DISTINCTIVE_PART, -0.08,
                    "A distinctive name part (3 nats of rarity or more; not an organisation word or a patronymic) "
                            + "has no counterpart in the other name, and the other name has nothing unmatched of its own: a "
                            + "shortened name, or a relative or sister company whose name adds one part.")));

    private final List<Feature> features;
    private final Map<String, Feature> byName;

    public ScoringModel(List<Feature> features) {
        this.features = List.copyOf(features);
        this.byName = this.features.stream().collect(Collectors.toUnmodifiableMap(Feature::name, Function.identity()));
    }

    public List<Feature> features() {
        return features;
    }

    public double weight(String featureName) {
        return feature(featureName).weight();
    }

    public Feature feature(String featureName) {
        Feature f = byName.get(featureName);
        if (f == null) throw new IllegalArgumentException("no feature " + featureName);
        return f;
    }

    /** A copy with one feature's weight changed (for calibration experiments). */
    public ScoringModel withWeight(String featureName, double weight) {
        Feature old = feature(featureName);
        return new ScoringModel(features.stream()
                .map(f -> f.name().equals(featureName) ? new Feature(f.name(), weight, old.description()) : f).toList());
    }
}
