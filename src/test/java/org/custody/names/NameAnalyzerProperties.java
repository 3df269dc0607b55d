package org.custody.names;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NameAnalyzerProperties {
    private final NameAnalyzer analyzer = NameAnalyzer.standard();

    @Property(tries = 1000)
    void neverThrowsOnAnyString(@ForAll String s) {
        AnalysedName a = analyzer.analyse(s);
        assertThat(a.tokens()).allMatch(t -> !t.text().isEmpty() && t.text().equals(t.text().strip()));
    }

    /** Idempotent for the scripts names on Custody's lists are written in (Latin, Arabic, Cyrillic). */
    @Property(tries = 1000)
    void isIdempotentOnLatinArabicCyrillicStrings(@ForAll("scriptStrings") String s) {
        checkIdempotent(s);
    }

    @Property(tries = 500)
    void isIdempotentOnNameLikeStrings(@ForAll("names") String s) {
        checkIdempotent(s);
    }

    private void checkIdempotent(String s) {
        AnalysedName once = analyzer.analyse(s);
        AnalysedName twice = analyzer.analyse(once.text());
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(once.tokens()).allMatch(t -> !t.text().isEmpty());
    }

    @Provide
    Arbitrary<String> scriptStrings() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00C0', '\u024F')
                .withCharRange('\u0600', '\u06FF').withCharRange('\u0400', '\u04FF').withChars('\u2019', '\u02BF')
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.of("al-", "Abd", "al", "Abu", "Abou", "KATA'IB", "Hizballah", "Sheikh",
                "Maj.", "Gen.", "LLC", "Co.", "Qasem", "SOLEIMANI,", "Ja'far", "ash-Shuhada", "كتائب", "حزب", "الله",
                "Сулеймани", "I.", "R.", "G.", "C.", "the", "of", "Brigades", "abdulrahman", "Hussein", "Yyy", "eeyy");
        return word.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
    }
}
