package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Translated organisation words meet across scripts; compound names with Allah and personal names stay as written. */
class OrganisationWordTranslatorTest {

    private final NameAnalyzer analyzer = NameAnalyzer.standard();

    private List<String> texts(String name) {
        return analyzer.analyse(name).tokens().stream().map(NameToken::text).sorted().toList();
    }

    @Test
    void aTranslatedNameAndItsArabicFormAnalyseAlike() {
        assertThat(texts("الجماعة الاسلامية المسلحة")).isEqualTo(texts("ARMED ISLAMIC GROUP"));
        assertThat(texts("جبهة النصرة لأهل الشام")).containsAll(texts("people levant"));
        assertThat(texts("Jaysh al-Muhajirin wal-Ansar")).containsAll(texts("army emigrants supporters"));
        assertThat(texts("شبکه حقانی")).contains(texts("network").getFirst());   // حقانی stays Arabic script
        assertThat(texts("صرافی روشان")).contains("exchange");
        assertThat(texts("ROSHAN MONEY EXCHANGE")).containsOnly("roshan", "exchange");
    }

    @Test
    void wordsBeforeAllahAndOrdinaryNamesAreLeftAlone() {
        assertThat(texts("أنصار الله")).doesNotContainAnyElementsOf(texts("supporters"));
        assertThat(texts("Ansar Allah")).doesNotContainAnyElementsOf(texts("supporters"));
        assertThat(texts("Ansar al-Islam")).doesNotContainAnyElementsOf(texts("supporters"));   // one word: no sign
        assertThat(texts("Ansar al-Islam Group")).containsAll(texts("supporters"));
        assertThat(texts("Mohammed Misrati")).doesNotContainAnyElementsOf(texts("egyptian"));
        assertThat(texts("Abu Hamza al-Masri")).doesNotContainAnyElementsOf(texts("egyptian"));   // a family name
        assertThat(texts("المصري, أبو حمزة")).doesNotContainAnyElementsOf(texts("egyptian"));
        assertThat(texts("الجهاد الاسلامي المصري")).containsAll(texts("Egyptian Islamic"));
        assertThat(texts("Hassan Nasrallah")).doesNotContainAnyElementsOf(texts("supporters"));
    }

    @Test
    void aFormGivenForTwoWordsIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> OrganisationWordTranslator.parse(List.of("army: jaysh; جيش", "group: jaysh; جماعة")))
                .hasMessageContaining("line 2").hasMessageContaining("jaysh");
        assertThatThrownBy(() -> OrganisationWordTranslator.parse(List.of("army jaysh")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> OrganisationWordTranslator.parse(List.of("army: jaysh; army")))
                .hasMessageContaining("not one word in Arabic script");
    }
}
