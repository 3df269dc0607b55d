package org.custody.countries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountriesTest {
    private final Countries countries = Countries.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IQ|IQ", "IRQ|IQ", "Iraq|IQ", "iraq|IQ", "Iraqi|IQ", "Republic of Iraq|IQ", "العراق|IQ",
            "Korea, North|KP", "North Korea|KP", "DPRK|KP", "Democratic People's Republic of Korea|KP", "KP|KP",
            "Korea, South|KR", "Iran (Islamic Republic of)|IR", "Iranian|IR", "ایران|IR", "Syrian Arab Republic|SY",
            "Russian Federation|RU", "Россия|RU", "Burma|MM", "Türkiye|TR", "Turkey|TR", "Viet Nam|VN",
            "The Gambia|GM", "Cote d Ivoire|CI", "Côte d’Ivoire|CI", "United Kingdom of Great Britain and Northern Ireland|GB",
            "American|US", "Deutschland|DE", "German|DE", "Afghan|AF", "Lebanese|LB", "Bahamas, The|BS"})
    void namesCodesDemonymsAndLocalNamesMeetOnOneCode(String name, String code) {
        assertThat(countries.code(name)).contains(code);
    }

    @Test
    void unknownAndBlankNamesHaveNoCode() {
        assertThat(countries.code("undetermined")).isEmpty();
        assertThat(countries.code("  ")).isEmpty();
        assertThat(countries.code(null)).isEmpty();
        assertThat(countries.codes(List.of("Iraq", "nowhere", "IQ", "Syria"))).containsExactly("IQ", "SY");
    }

    @Test
    void theListsOwnSpellingsAreRead() {
        // spellings the bundled OFAC and UN lists use for nationalities and address countries
        for (String n : List.of("Korea, North", "Democratic People's Republic of Korea", "Iran (Islamic Republic of)",
                "China, Hong Kong Special Administrative Region", "North Macedonia, The Republic of", "Virgin Islands, British",
                "Congo, Democratic Republic of the", "United Republic of Tanzania", "State of Palestine", "Man, Isle of")) {
            assertThat(countries.code(n)).as(n).isPresent();
        }
    }
}
