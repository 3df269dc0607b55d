package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GivenNameVariantsTest {
    private final GivenNameVariants step = new GivenNameVariants();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sasha mikheev|aleksandr mikheev",
            "alexander mikheev|aleksandr mikheev",
            "volodya dmitriev|vladimir dmitriev",
            "vova dmitriev|vladimir dmitriev",
            "mohd hamza zubaidi|muhammad hamza zubaidi",
            "paco colorado|francisco colorado",
            "joe wilson|joseph wilson",
            "kazemi seyyed|kazemi seyyed",                // names in no group stay
            "ben ali|ben ali",                             // a form that is also another name part is in no group
            "said al masri|said al masri"})
    void shortFormsAndEquivalentsBecomeTheCanonicalForm(String in, String out) {
        assertThat(TokenSteps.run(step, in)).isEqualTo(out);
    }

    @Test
    void tokensFromArabicScriptAndOrganisationWordsAreLeftAlone() {
        assertThat(TokenSteps.run(step, "mhd sasha", true)).isEqualTo("mhd sasha");
        List<NameToken> weak = List.of(new NameToken("max", "max", true, false));
        assertThat(step.apply(weak)).isEqualTo(weak);
    }

    @Test
    void aFormInTwoGroupsIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> GivenNameVariants.parse(List.of("# groups", "aleksandr sasha", "aleksandra sasha")))
                .hasMessageContaining(GivenNameVariants.RESOURCE + ":3").hasMessageContaining("sasha");
        assertThatThrownBy(() -> GivenNameVariants.parse(List.of("José pepe")))
                .hasMessageContaining(":1").hasMessageContaining("lower-case ASCII");
    }
}
