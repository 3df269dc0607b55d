package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.custody.lists.ListEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The candidate channels beside the trigram search, one test per kind of loss they recover, on real
 * listed names (the bundled OFAC SDN and UN lists): short tokens and codes one or two edits away, which
 * share too few trigrams with their listed form to be proposed, and codes whose number was mistyped.
 */
class NearTermChannelTest {
    private final ScreeningEngine engine = BundledLists.ENGINE;

    @Test
    void deletionVariantsMeetWithinOneEditForShortTokensAndTwoFromSixCharacters() {
        String[] terms = {"tako", "kim", "golsar", "yv2734", "ra82030", "tong", "abdulrahman", "al"};
        boolean[] weak = new boolean[terms.length];
        DeletionNeighbourhood d = new DeletionNeighbourhood(terms, weak);
        assertThat(names(d.near("tao", 100), terms)).contains("tako");          // a letter lost
        assertThat(names(d.near("kifm", 100), terms)).contains("kim");          // a letter added
        assertThat(names(d.near("tovg", 100), terms)).contains("tong");         // a letter changed
        assertThat(names(d.near("glslar", 100), terms)).contains("golsar");     // two edits, six letters
        assertThat(names(d.near("yv273", 100), terms)).contains("yv2734");      // a digit lost
        assertThat(names(d.near("ra28030", 100), terms)).contains("ra82030");   // two digits swapped
        assertThat(names(d.near("tgo", 100), terms)).doesNotContain("tako");
        assertThat(d.near("al", 100)).isEmpty();                                 // shorter than the channel's tokens
    }

    /**
     * The bucket directory finds exactly the terms that share a deletion variant with the token, as a scan of
     * every term's variants does, on a tenth of the bundled lists' vocabulary and tokens one random edit from
     * its terms; and a channel restored from its entries (a snapshot) finds the same.
     */
    @Test
    void bucketLookUpFindsEveryTermSharingAVariantAndNoOther() {
        String[] vocabulary = engine.layout().termText();
        String[] terms = new String[vocabulary.length / 10];
        for (int i = 0; i < terms.length; i++) terms[i] = vocabulary[10 * i];
        DeletionNeighbourhood d = new DeletionNeighbourhood(terms, new boolean[terms.length]);
        DeletionNeighbourhood restored = DeletionNeighbourhood.restore(d.entries(), terms.length);
        Map<Long, Set<Integer>> byVariant = new HashMap<>();
        long[] hashes = new long[256];
        for (int t = 0; t < terms.length; t++) {
            int len = terms[t].length();
            if (len < DeletionNeighbourhood.MIN_LENGTH || len > DeletionNeighbourhood.MAX_LENGTH) continue;
            int k = DeletionNeighbourhood.variants(terms[t], DeletionNeighbourhood.depth(len), hashes);
            for (int i = 0; i < k; i++) byVariant.computeIfAbsent(hashes[i], h -> new HashSet<>()).add(t);
        }
        Random random = new Random(20261202);
        int withNeighbours = 0;
        for (int q = 0; q < 2000; q++) {
            StringBuilder token = new StringBuilder(terms[random.nextInt(terms.length)]);
            if (token.isEmpty()) continue;
            token.setCharAt(random.nextInt(token.length()), (char) ('a' + random.nextInt(26)));
            String text = token.toString();
            Set<Integer> expected = new TreeSet<>();
            if (text.length() >= DeletionNeighbourhood.MIN_LENGTH && text.length() <= DeletionNeighbourhood.MAX_LENGTH) {
                int k = DeletionNeighbourhood.variants(text, DeletionNeighbourhood.depth(text.length()), hashes);
                for (int i = 0; i < k; i++) expected.addAll(byVariant.getOrDefault(hashes[i], Set.of()));
            }
            if (!expected.isEmpty()) withNeighbours++;
            assertThat(sorted(d.near(text, Integer.MAX_VALUE))).as(text).isEqualTo(expected);
            assertThat(sorted(restored.near(text, Integer.MAX_VALUE))).as(text).isEqualTo(expected);
        }
        assertThat(withNeighbours).isGreaterThan(1000);
    }

    /**
     * When the channel is looked up: tokens of three to five characters whenever the vocabulary lacks them,
     * longer ones only when the trigram search found nothing at {@link DeletionNeighbourhood#CONSULTED_BELOW}.
     */
    @Test
    void theChannelIsLookedUpWhereTheTrigramSearchMayHaveMissed() {
        assertThat(DeletionNeighbourhood.consulted(4, 0.95)).isTrue();          // "edri": a close term says little
        assertThat(DeletionNeighbourhood.consulted(4, 1.0)).isFalse();          // listed as written
        assertThat(DeletionNeighbourhood.consulted(8, 0.95)).isFalse();         // "darwiish": darwish was found
        assertThat(DeletionNeighbourhood.consulted(8, 0.85)).isTrue();
        assertThat(DeletionNeighbourhood.consulted(8, 0.0)).isTrue();
        assertThat(DeletionNeighbourhood.consulted(2, 0.0)).isFalse();          // shorter than the channel's tokens
        assertThat(DeletionNeighbourhood.consulted(15, 0.0)).isFalse();
    }

    @Test
    void theTrigramOverlapOfAShortTokenOneEditAwayIsBelowTheIndexCut() {
        // why the channel exists: "tao" shares one of its trigrams with "tako" (Dice 2/7)
        int[] q = NameIndex.trigrams("tao"), t = NameIndex.trigrams("tako");
        long shared = Arrays.stream(q).filter(g -> Arrays.stream(t).anyMatch(x -> x == g)).count();
        assertThat(2.0 * shared / (q.length + t.length)).isLessThan(NameIndex.MIN_DICE);
    }

    /**
     * Short tokens with one or two edits, whose listed entity no candidate proposed before the channel. (A
     * one-word name two edits away, "SSTKAR" for SOKTAR, is now found but no longer first: name_part_conflict
     * reads its only part as another name, which on the recall sets helps more than it costs.)
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TAO LLC                      | TACO LLC",
            "KIFM, ToVg-chol              | KIM, Tong-chol",
            "GLSLAR                       | GOLSAR",
            "SLDM-ABNK PJSC               | SDM-BANK PJSC",
            "EDRI EXCHANE COMPANY         | EDBI EXCHANGE COMPANY",
            "MOCNH GENERAL TRADING L.L.C. | MONCH GENERAL TRADING L.L.C."})
    void shortTokensAFewEditsAwayRankTheirEntityFirst(String query, String listed) {
        assertFirst(query, listed);
    }

    /**
     * A registration or hull number with one digit dropped, added, changed or swapped: first (or tied first
     * with another listed code one digit from the query), but no alert.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "YV273           | YV2734",
            "RA-8203         | RA-82030",
            "YV387GT         | YV378T",
            "FU YUAN YU 86N9 | FU YUAN YU 8689"})
    void codesWithOneDigitMistypedRankTheirEntityFirstWithoutAlerting(String query, String listed) {
        Hit top = assertFirst(query, listed);
        assertThat(top.alert()).as(top.explanation().summary()).isFalse();
        assertThat(top.explanation().features()).anyMatch(f -> f.name().equals(ScoringModel.NUMBER_DIFFERS));
    }

    /** A fleet's vessels one digit apart are different vessels: neither alerts on the other. */
    @Test
    void aVesselOfAListedFleetOneDigitApartDoesNotAlert() {
        Comparison c = engine.compare("FU YUAN YU 8644", "FU YUAN YU 8674", null);
        assertThat(c.match()).as(c.explanation().summary()).isFalse();
        assertThat(c.explanation().summary()).contains(ScoringModel.NUMBER_DIFFERS);
        assertThat(engine.compare("FU YUAN YU 8674", "FU YUAN YU 8674", null).match()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yv2734 | yv273  | true", "ra82030 | ra8203 | true", "yv378t | yv387gt | true", "8680 | 880 | true",
            "63f    | 64e    | false",      // two digits: a unit number, another address
            "yv2734 | yv2743 | true", "yv2734 | yv2756 | false", "vessel7 | vessel8 | false"})
    void numbersOneEditApart(String a, String b, boolean expected) {
        assertThat(TokenSimilarity.numbersOneEditApart(a, b)).isEqualTo(expected);
        assertThat(TokenSimilarity.numbersOneEditApart(b, a)).isEqualTo(expected);
    }

    private Hit assertFirst(String query, String listed) {
        List<Hit> hits = engine.screen(ScreeningQuery.of(query)).hits();
        assertThat(hits).as(query).isNotEmpty();
        Hit top = hits.get(0);
        ListEntity want = entityNamed(listed);
        // first, or tied first (as the benchmarks count): "RA-8203" is one digit from RA-82030 and from RA-82038
        Hit own = hits.stream().filter(h -> h.entityId().equals(want.id()) && h.score() >= top.score()).findFirst().orElse(null);
        assertThat(own).as(query + " -> " + top.name() + ": " + top.explanation().summary()).isNotNull();
        return own;
    }

    /**
     * Longer tokens two edits from their listed form (from the development noisy set, seed 20261123), whose
     * closest term by trigrams is under {@link DeletionNeighbourhood#CONSULTED_BELOW}: the channel is looked up
     * and proposes the listed term, and the entity is among the ten hits (what recall@10 counts; without the
     * channel it was not).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EVEGASD SHIPPING LTD | ELVEGARD SHIPPING LTD",
            "UISESRICE LLC        | UNISERVICE LLC"})
    void longerTokensTwoEditsAwayAreAmongTheTenHits(String query, String listed) {
        ListEntity want = entityNamed(listed);
        assertThat(engine.screen(ScreeningQuery.of(query)).hits()).as(query)
                .anyMatch(h -> h.entityId().equals(want.id()));
    }

    /**
     * Two listed words written as one with a mistake (from the development noisy set): the splitter, looked up
     * because no single listed word is close to the whole token.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ROTYKELPOM                 | ROTEK-ELPOM",
            "SOVFFACHTSOVMORTRANS GROUP | SOVFRACHT-SOVMORTRANS GROUP"})
    void twoWordsWrittenAsOneWithAMistakeRankTheirEntityFirst(String query, String listed) {
        assertFirst(query, listed);
    }

    private static ListEntity entityNamed(String listed) {
        return BundledLists.ALL.stream()
                .filter(e -> e.allNames().stream().anyMatch(a -> a.name().equals(listed))).findFirst().orElseThrow();
    }

    private static Set<Integer> sorted(int[] ids) {
        Set<Integer> out = new TreeSet<>();
        for (int id : ids) out.add(id);
        return out;
    }

    private static List<String> names(int[] ids, String[] terms) {
        return Arrays.stream(ids).mapToObj(i -> terms[i]).toList();
    }
}
