package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CompareProperties {
    private final ScreeningEngine engine = ReadmeEntities.ENGINE;

    @Property(tries = 300)
    void boundedAndSymmetric(@ForAll("names") String a, @ForAll("names") String b) {
        double ab = engine.compare(a, b, null).score();
        double ba = engine.compare(b, a, null).score();
        assertThat(ab).isBetween(0.0, 1.0);
        assertThat(Math.abs(ab - ba)).isLessThan(0.05);
    }

    @Property(tries = 300)
    void boundedOnArbitraryStrings(@ForAll String a, @ForAll String b) {
        assertThat(engine.compare(a, b, null).score()).isBetween(0.0, 1.0);
        assertThat(engine.screen(org.custody.screening.ScreeningQuery.of(a)).hits())
                .allMatch(h -> h.score() >= 0 && h.score() <= 1);
    }

    @Property(tries = 200)
    void aNameMatchesItselfAtLeastAsWellAsAnyOtherName(@ForAll("names") String a, @ForAll("names") String b) {
        assertThat(engine.compare(a, a, null).score()).isGreaterThanOrEqualTo(engine.compare(a, b, null).score() - 1e-9);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.of("al-", "Abd", "Abu", "Mahdi", "KATA'IB", "Hizballah", "Hezbollah",
                "Sheikh", "LLC", "Qasem", "SOLEIMANI,", "Soleymani", "Ja'far", "Jafar", "كتائب", "حزب", "الله",
                "Сулеймани", "IRGC", "Brigades", "Emma", "Daniels", "Trading", "Muhammad", "Ali", "Mohammed");
        return word.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(" ", l));
    }
}
