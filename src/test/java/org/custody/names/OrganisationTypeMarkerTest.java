package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationTypeMarkerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kataib hizballah|~brigade hizballah",
            "hizballah brigades|hizballah ~brigade",
            "battalion of the martyrs|~brigade ~of ~the martyrs",
            "islamic jihad organization|islamic jihad ~organization",
            "revolutionary guard corps|revolutionary guard ~corps",
            "dubai trading llc|dubai ~trading ~company",
            "acme co ltd|acme ~company ~company",
            "harakat nujaba|~movement nujaba",
            "the|the"})                                          // a lone function word stays strong
    void marksOrganisationWordsWeak(String in, String out) {
        assertThat(TokenSteps.run(new OrganisationTypeMarker(), in)).isEqualTo(out);
    }

    @Test
    void recognisesArabicScriptTokensBySkeleton() {
        // كتائب transliterates to "ktaib": no short vowels, same consonants as kataib
        assertThat(TokenSteps.run(new OrganisationTypeMarker(), "ktaib hzb", true)).isEqualTo("~brigade hzb");
    }
}
