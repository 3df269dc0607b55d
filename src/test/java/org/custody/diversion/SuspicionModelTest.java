package org.custody.diversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custody.diversion.IraqLedger.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SuspicionModelTest {

    static Finding finding(ScoringConfig cfg) {
        DiversionDetector d = new DiversionDetector(ledger(), designations(), new SuspicionModel(cfg));
        return d.detect(List.of(claim(KH, M1A1, Stance.ASSERTED, "ap", AL_QAIM, LocalDate.of(2015, 6, 1)),
                claim(KH, M1A1, Stance.HEDGED, "rt", null, LocalDate.of(2015, 6, 1))), LocalDate.of(2016, 1, 1)).getFirst();
    }

    @Test
    void everyFeatureHasAFactorWithExplanationAndTheSharesAddUp() {
        Finding f = finding(ScoringConfig.defaults());
        assertThat(f.factors()).extracting(Factor::name).containsExactlyElementsOf(
                SuspicionModel.FEATURES.stream().map(SuspicionModel.Feature::name).toList());
        assertThat(f.factors()).allSatisfy(x -> assertThat(x.explanation()).isNotBlank());
        double contributions = f.factors().stream().mapToDouble(Factor::contribution).sum();
        double shares = f.factors().stream().mapToDouble(Factor::share).sum();
        assertThat(contributions).isCloseTo(f.score(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(shares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    }

    @Property(tries = 200)
    void scoreStaysInUnitIntervalWhateverTheWeights(@ForAll @DoubleRange(min = 0, max = 5) double serial,
                                                   @ForAll @DoubleRange(min = 0.01, max = 5) double holder,
                                                   @ForAll @DoubleRange(min = 0, max = 5) double stance) {
        ScoringConfig cfg = ScoringConfig.defaults().with("weight.serial_match", serial)
                .with("weight.holder_not_approved", holder).with("weight.stance", stance);
        Finding f = finding(cfg);
        assertThat(f.score()).isBetween(0.0, 1.0);
    }

    @Test
    void weightsAreTunable() {
        double base = finding(ScoringConfig.defaults()).score();
        double noDesignation = finding(ScoringConfig.defaults().with("weight.holder_designated", 0)).score();
        assertThat(noDesignation).isLessThan(base);
    }

    @Test
    void unknownOrBadParametersAreRefused() {
        Properties p = new Properties();
        p.setProperty("diversion.weight.serial_macth", "0.3");
        assertThatThrownBy(() -> ScoringConfig.fromProperties(p)).hasMessageContaining("unknown scoring parameter 'diversion.weight.serial_macth'");
        Properties q = new Properties();
        q.setProperty("diversion.weight.serial_match", "lots");
        assertThatThrownBy(() -> ScoringConfig.fromProperties(q)).hasMessageContaining("must be a number");
        Properties r = new Properties();
        r.setProperty("diversion.stance.hedged", "-1");
        assertThatThrownBy(() -> ScoringConfig.fromProperties(r)).hasMessageContaining(">= 0");
        Properties s = new Properties();
        s.setProperty("diversion.recency.zero_days", "10");
        assertThatThrownBy(() -> ScoringConfig.fromProperties(s)).hasMessageContaining("recency.zero_days");
        Properties other = new Properties();
        other.setProperty("db.url", "x");
        assertThat(ScoringConfig.fromProperties(other).get("weight.serial_match")).isEqualTo(0.20);
    }

    @Test
    void everyParameterAndFeatureIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/diversion-scoring.md"));
        for (ScoringConfig.Parameter p : ScoringConfig.PARAMETERS) {
            assertThat(doc).as("docs/diversion-scoring.md mentions " + p.name()).contains("`diversion." + p.name() + "`");
        }
        for (SuspicionModel.Feature f : SuspicionModel.FEATURES) assertThat(doc).contains("`" + f.name() + "`");
    }
}
