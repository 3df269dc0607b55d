package org.custody.photo.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custody.photo.ImageText;
import org.custody.photo.Region;
import org.junit.jupiter.api.Test;

class SerialMatcherTest {

    static LedgerSerials ledger(String... keys) {
        Map<String, List<String>> byFold = new HashMap<>();
        for (String k : keys) byFold.computeIfAbsent(ConfusionFold.foldKey(k), f -> new ArrayList<>()).add(k);
        return folded -> byFold.getOrDefault(folded, List.of());
    }

    static ImageText word(String text, int x, int y, double conf) {
        return new ImageText(text, new Region(x, y, 20 * text.length(), 40), conf, "Latin");
    }

    static ReadLine line(ImageText... words) {
        return new ReadLine(List.of(words));
    }

    @Test
    void aMisreadSerialFoldsToItsOneLedgerSerialWithTheWordsRegion() {
        SerialMatcher m = new SerialMatcher(ledger("IQM1A10127", "FE123456"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("S/N", 10, 100, 0.9), word("IQ-MIAI-O127", 90, 100, 0.8))));
        assertThat(out).singleElement().isInstanceOfSatisfying(SerialMatch.Matched.class, x -> {
            assertThat(x.ledgerKey()).isEqualTo("IQM1A10127");
            assertThat(x.read()).isEqualTo("IQ-MIAI-O127");
            assertThat(x.region()).isEqualTo(new Region(90, 100, 240, 40));
            assertThat(x.confidence()).isEqualTo(0.8);
            assertThat(x.explanation()).contains("IQ-MIAI-O127", "IQM1A10127", "no other");
        });
    }

    @Test
    void aStencilSplitIntoWordsIsJoined() {
        SerialMatcher m = new SerialMatcher(ledger("FE123456"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("FE", 0, 0, 0.9), word("12", 60, 0, 0.9), word("3456", 120, 0, 0.7))));
        assertThat(out).singleElement().isInstanceOfSatisfying(SerialMatch.Matched.class, x -> {
            assertThat(x.ledgerKey()).isEqualTo("FE123456");
            assertThat(x.confidence()).isEqualTo(0.7);
        });
    }

    @Test
    void twoLedgerSerialsThatFoldAlikeAreReportedNotPicked() {
        SerialMatcher m = new SerialMatcher(ledger("AB105277", "A8105277", "FE123456"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("AB105277", 0, 0, 0.95))));
        assertThat(out).singleElement().isInstanceOfSatisfying(SerialMatch.Ambiguous.class, a -> {
            assertThat(a.ledgerKeys()).containsExactlyInAnyOrder("AB105277", "A8105277");
            assertThat(a.explanation()).contains("none chosen");
        });
    }

    @Test
    void twoPassesReadingOnePlaceAsDifferentSerialsAreAmbiguous() {
        // one pass reads 3, the other 8: both serials are on the ledger, neither is picked
        SerialMatcher m = new SerialMatcher(ledger("W1234567", "W1284567"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("W1234567", 100, 50, 0.9)), line(word("W1284567", 102, 51, 0.6))));
        assertThat(out).singleElement().isInstanceOf(SerialMatch.Ambiguous.class);
    }

    @Test
    void twoSerialsInDifferentPlacesAreTwoMatches() {
        SerialMatcher m = new SerialMatcher(ledger("W1234567", "FE123456"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("W1234567", 0, 0, 0.9)), line(word("FE123456", 0, 300, 0.9))));
        assertThat(out).hasSize(2).allMatch(x -> x instanceof SerialMatch.Matched);
    }

    @Test
    void shortReadsAndUnsureReadsMatchNothing() {
        SerialMatcher m = new SerialMatcher(ledger("A12345", "HN12345"), 6, 0.5);
        assertThat(m.match(List.of(line(word("A1234", 0, 0, 0.9))))).isEmpty();       // below the length floor
        assertThat(m.match(List.of(line(word("HN12345", 0, 0, 0.4))))).isEmpty();     // below the confidence floor
        assertThat(m.match(List.of(line(word("HN12345", 0, 0, 0.6))))).hasSize(1);
        assertThat(m.match(List.of(line(word("DANGER", 0, 0, 0.9))))).isEmpty();      // no digit: not a serial
    }

    @Test
    void candidatesDropLabelsAndUnglueThem() {
        SerialCandidates c = new SerialCandidates(6);
        List<String> keys = c.in(line(word("S/N:FE123456", 0, 0, 0.9))).stream().map(SerialCandidate::key).toList();
        assertThat(keys).contains("SNFE123456", "FE123456");
        assertThat(c.in(line(word("No.", 0, 0, 0.9), word("123-45678", 50, 0, 0.9))))
                .extracting(SerialCandidate::key).containsExactly("12345678");
    }

    @Test
    void aLowConfidenceReadAloneMatchesNothing() {
        SerialMatcher m = new SerialMatcher(ledger("WW741435"), 6, 0.3);
        assertThat(m.match(List.of(line(word("WW741435", 0, 0, 0.05))))).isEmpty();
    }

    @Test
    void twoLowConfidenceReadsOfOnePlaceThatAgreeMatch() {
        SerialMatcher m = new SerialMatcher(ledger("WW741435", "FE123456"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("N.WW741435", 0, 0, 0.0)), line(word("WW74I435", 4, 2, 0.1))));
        assertThat(out).singleElement().isInstanceOfSatisfying(SerialMatch.Matched.class, x -> {
            assertThat(x.ledgerKey()).isEqualTo("WW741435");
            assertThat(x.explanation()).contains("the same in 2 reads");
        });
    }

    @Test
    void anUntrustedReadOfALookAlikeWithholdsTheMatch() {
        // a confident read of …435 and, at the same place, a weak read of the ledger's near-miss …485
        SerialMatcher m = new SerialMatcher(ledger("WW741435", "WW741485"), 6, 0.3);
        List<SerialMatch> out = m.match(List.of(line(word("WW741435", 0, 0, 0.9)), line(word("WW741485", 2, 0, 0.1))));
        assertThat(out).singleElement().isInstanceOfSatisfying(SerialMatch.Ambiguous.class,
                a -> assertThat(a.ledgerKeys()).containsExactlyInAnyOrder("WW741435", "WW741485"));
    }

    @Test
    void twoReadsOfOneLineDoNotCountAsAgreement() {
        SerialMatcher m = new SerialMatcher(ledger("WW741435"), 6, 0.3);
        // "SN WW741435" and its glued form come from one line: one read, not two
        assertThat(m.match(List.of(line(word("SN", 0, 0, 0.1), word("WW741435", 60, 0, 0.1))))).isEmpty();
    }
}
