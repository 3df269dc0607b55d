package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameAnalyzerTest {
    private final NameAnalyzer analyzer = NameAnalyzer.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SOLEIMANI, Qasem|kasem solemani",
            "Qassem Soleimani|kasem solemani",
            "Maj. Gen. Qasem SOLEIMANI|kasem solemani",
            "Касем Сулеймани|kasem sulemani",
            "AL-MUHANDIS, Abu Mahdi|abu mahdi muhandis",
            "ABU MAHDI AL MUHANDIS|abu mahdi muhandis",
            "KATA'IB HIZBALLAH|brigade hizbala",
            "Kataib Hezbollah|brigade hezbola",
            "كتائب حزب الله|brigade hzb ala",
            "AL-HAMIDAWI, Shaykh 'Adnan|adnan hamidawi",
            "MIRJIRASH AL-MUHAMMADAWI, Abd al-Aziz Malluh|abdul aziz malu mirjirash muhamadawi",
            "I.R.G.C.|irgk",
            "DUBAI TRADING CO., LTD.|dube trading company company"})
    void analysesRealNames(String in, String out) {
        assertThat(analyzer.analyse(in).text()).isEqualTo(out);
    }

    @Test
    void recordsWhichStepsChangedTheName() {
        AnalysedName a = analyzer.analyse("كتائب حزب الله");
        assertThat(a.appliedSteps()).contains("script-to-latin", "organisation-words").doesNotContain("titles");
        assertThat(a.tokens().get(0).weak()).isTrue();
        assertThat(a.tokens()).allMatch(NameToken::abjad);
        assertThat(analyzer.analyse("Sheikh Adnan").appliedSteps()).contains("titles");
    }

    @Test
    void emptyAndPunctuationOnlyNamesGiveNoTokens() {
        assertThat(analyzer.analyse("").tokens()).isEmpty();
        assertThat(analyzer.analyse(" - , . ").tokens()).isEmpty();
    }
}
