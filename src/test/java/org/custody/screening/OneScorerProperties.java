package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;

/**
 * Screening and compare are one scorer: for a query built from a real listed name (OFAC SDN and UN,
 * bundled) by random edits, every hit's score equals {@code compare(query, matched alias)} and
 * {@code compare(matched alias, query)}; and no printed score contradicts its verdict. Each try checks
 * up to ten pairs, so a run covers thousands of generated pairs.
 */
class OneScorerProperties {
    private static final ScreeningEngine ENGINE = BundledLists.ENGINE;
    private static final List<ListEntity> ENTITIES = BundledLists.ALL;
    private static final Pattern SUMMARY_SCORE = Pattern.compile("^score ([0-9.]+) (>=|<) threshold ([0-9.]+)");

    @Property(tries = 400)
    void screenAndCompareGiveTheSameScoreInBothDirections(@ForAll("queries") String query) {
        ScreeningResult r = ENGINE.screen(ScreeningQuery.of(query));
        for (Hit h : r.hits()) {
            Explanation ex = h.explanation();
            double ab = ENGINE.compare(query, ex.matchedAlias(), null).score();
            double ba = ENGINE.compare(ex.matchedAlias(), query, null).score();
            assertThat(ab).as("compare(%s, %s) vs compare(%s, %s)", query, ex.matchedAlias(), ex.matchedAlias(), query)
                    .isEqualTo(ba);
            if (ex.aliasStrength().equals(AliasStrength.WEAK.name())) {
                // compare does not know the alias is weak: screening adds weak_alias to the same score
                double weak = ENGINE.config().model().weight(ScoringModel.WEAK_ALIAS);
                // (compare's score is clamped at 1, so below 1 it is the raw sum screening starts from)
                if (ab < 1 && ab + weak > 0) assertThat(h.score()).isCloseTo(ab + weak, within(2e-4));
                else if (ab >= 1) assertThat(h.score()).isBetween(1 + weak - 1e-9, 1.0);
            } else {
                assertThat(h.score()).as("screen %s vs compare with %s", query, ex.matchedAlias()).isEqualTo(ab);
            }
        }
    }

    @Property(tries = 300)
    void printedScoresNeverContradictTheirVerdict(@ForAll("queries") String query,
                                                  @ForAll("thresholds") double threshold) {
        ScreeningQuery q = new ScreeningQuery(query, null, 10, threshold, null, null);
        for (Hit h : ENGINE.screen(q).hits()) {
            Matcher m = SUMMARY_SCORE.matcher(h.explanation().summary());
            assertThat(m.find()).as(h.explanation().summary()).isTrue();
            double shown = Double.parseDouble(m.group(1)), shownThreshold = Double.parseDouble(m.group(3));
            assertThat(m.group(2).equals(">=")).isEqualTo(h.alert());
            assertThat(shown >= shownThreshold).as(h.explanation().summary()).isEqualTo(h.alert());
            assertThat(h.alert()).isEqualTo(h.score() >= threshold);
        }
    }

    @Property(tries = 2000)
    void scoreTextReadsTheWayTheVerdictGoes(@ForAll("scores") double score, @ForAll("thresholds") double threshold) {
        String shown = ScoreText.score(score, threshold);
        String t = ScoreText.threshold(threshold);
        assertThat(Double.parseDouble(shown) >= Double.parseDouble(t)).as("%s vs %s", shown, t).isEqualTo(score >= threshold);
    }

    @Provide
    Arbitrary<Double> scores() {
        return Arbitraries.integers().between(0, 10000).map(i -> i / 10000.0);
    }

    @Provide
    Arbitrary<Double> thresholds() {
        return Arbitraries.integers().between(50, 99).flatMap(i -> Arbitraries.of(i / 100.0, i / 100.0 + 0.005));
    }

    /** A listed name or alias with 0-3 random edits (character swaps, drops, doubles, case, token order). */
    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.integers().between(0, ENTITIES.size() - 1).flatMap(i -> {
            List<Alias> names = ENTITIES.get(i).allNames();
            return Arbitraries.integers().between(0, names.size() - 1).map(k -> names.get(k).name());
        });
        Arbitrary<List<Integer>> edits = Arbitraries.integers().between(0, 1_000_000).list().ofMaxSize(3);
        return Combinators.combine(name, edits).as(OneScorerProperties::edit);
    }

    static String edit(String name, List<Integer> edits) {
        StringBuilder sb = new StringBuilder(name);
        for (int e : edits) {
            if (sb.length() < 2) break;
            int at = e % sb.length();
            switch ((e / 7) % 5) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, sb.charAt(at));
                case 2 -> { char c = sb.charAt(at); sb.setCharAt(at, sb.charAt((at + 1) % sb.length())); sb.setCharAt((at + 1) % sb.length(), c); }
                case 3 -> sb.setCharAt(at, (char) ('a' + e % 26));
                default -> {
                    String[] words = sb.toString().split(" ");
                    if (words.length > 1) {
                        String w = words[0];
                        words[0] = words[words.length - 1];
                        words[words.length - 1] = w;
                        sb.setLength(0);
                        sb.append(String.join(" ", words));
                    }
                }
            }
        }
        return sb.toString();
    }
}
