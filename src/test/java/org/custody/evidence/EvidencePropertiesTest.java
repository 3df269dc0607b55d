package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custody.evidence.extract.AmountExtractor;
import org.custody.evidence.extract.DateExtractor;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;

class EvidencePropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("a.txt", "b.html", "c.json");
    }

    /** Intake never fails on arbitrary bytes except by the documented refusal. */
    @Property(tries = 300)
    void intakeRefusesOrReads(@ForAll byte[] bytes, @ForAll("names") String name) {
        try {
            for (SourceDocument d : Intake.read(name, bytes, Instant.EPOCH)) {
                assertThat(d.text()).isNotBlank();
                assertThat(d.contentHash()).hasSize(64);
            }
        } catch (IntakeRefusal expected) {
            assertThat(expected.getMessage()).startsWith(name + ": ");
        }
    }

    @Provide
    Arbitrary<String> newsish() {
        Arbitrary<String> words = Arbitraries.of("Shiite", "militias", "PMF", "al-Hashd", "Mosul", "Iraq", "175", "M1A1",
                "Abrams", "tanks", "Dec.", "4", "last", "month", "$1.2", "billion", "“", "”", "\"", "said", "denied", "may",
                "reportedly", "Bloomberg", "reports", ".", ",", "\n\n", "Kata'ib", "Hezbollah", "’s", "U.S.-made", "weapons",
                "to", "the", "provided", "in", "hands", "of", "Col.", "John", "الحشد", "é", "-", "(", ")");
        return words.list().ofMaxSize(60).map(l -> String.join(" ", l));
    }

    /** Every extracted span lies inside the text and is the text it claims to be. */
    @Property(tries = 200)
    void offsetsAlwaysWithinText(@ForAll("newsish") String body) {
        if (body.isBlank()) return;
        SourceDocument d;
        try {
            d = Intake.read("p.txt", body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH).getFirst();
        } catch (IntakeRefusal e) {
            return;
        }
        Analysis a = ExtractionTest.ANALYZER.analyze(d);
        String t = d.text();
        for (Mention m : a.mentions()) {
            assertThat(m.start()).isBetween(0, t.length());
            assertThat(m.end()).isBetween(m.start(), t.length());
            assertThat(t.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        for (Claim c : a.claims()) assertThat(t.substring(c.start(), c.end())).isEqualTo(c.sentence());
        for (Quote q : a.quotes()) assertThat(t.substring(q.start(), q.end())).isEqualTo(q.text());
    }

    @Property(tries = 300)
    void dateAndAmountParsersNeverThrow(@ForAll String s) {
        List<Mention> ds = new DateExtractor().extract(s, LocalDate.of(2017, 1, 10));
        List<Mention> as = new AmountExtractor().extract(s);
        for (Mention m : ds) assertThat(s.substring(m.start(), m.end())).isEqualTo(m.text());
        for (Mention m : as) assertThat(s.substring(m.start(), m.end())).isEqualTo(m.text());
    }
}
