package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptTransliteratorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "كتائب حزب الله|kta'ib hzb allah",
            "قاسم سليماني|qasm slimani",
            "ابو مهدي المهندس|abu mhdi al-mhnds",
            "عصائب أهل الحق|asa'ib ahl al-hq",        // word-initial ayn as a vowel
            "سپاه پاسداران|spah pasdaran",            // Persian letters پ
            "قاسم سلیمانی|qasm slimani",               // Persian yeh ی
            "Касем Сулеймани|kasem suleymani",        // Cyrillic, BGN/PCGN (case folded early)
            "Soleimani|Soleimani"})                   // Latin untouched
    void romanises(String in, String out) {
        assertThat(new ScriptTransliterator().apply(in)).isEqualTo(out);
    }

    @Test
    void detectsArabicScript() {
        assertThat(ScriptTransliterator.hasAbjadScript("حزب")).isTrue();
        assertThat(ScriptTransliterator.hasAbjadScript("Hizb")).isFalse();
        assertThat(ScriptTransliterator.hasAbjadScript("Касем")).isFalse();
    }

    @Test
    void otherScriptsReachLatinToo() {
        assertThat(new ScriptTransliterator().apply("Σολεϊμανί")).matches("\\p{IsLatin}+.*");
    }
}
