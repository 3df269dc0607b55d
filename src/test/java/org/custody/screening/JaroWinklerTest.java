package org.custody.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

class JaroWinklerTest {
    private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

    @Property(tries = 2000)
    void agreesWithCommonsText(@ForAll @AlphaChars @StringLength(max = 20) String a,
                               @ForAll @AlphaChars @StringLength(max = 20) String b) {
        String x = a.toLowerCase(), y = b.toLowerCase();
        if (x.isEmpty() || y.isEmpty()) return;
        assertThat(JaroWinkler.similarity(x, y)).isCloseTo(COMMONS.apply(x, y), within(1e-9));
    }

    /** Names up to 64 characters take the bit-mask path: exactly the value of the flag-array form. */
    @Property(tries = 3000)
    void bitMaskPathEqualsFlagArrays(@ForAll @StringLength(max = 64) @net.jqwik.api.constraints.CharRange(from = 'a', to = 'f') String a,
                                     @ForAll @StringLength(max = 64) @net.jqwik.api.constraints.CharRange(from = 'a', to = 'f') String b) {
        if (a.isEmpty() || b.isEmpty()) return;
        String s = a.length() <= b.length() ? a : b, l = s == a ? b : a;
        assertThat(JaroWinkler.similarity(a, b)).isEqualTo(JaroWinkler.withFlags(s, s.length(), l, l.length()));
    }

    @Property(tries = 2000)
    void levenshteinAgreesWithCommonsText(@ForAll @AlphaChars @StringLength(max = 20) String a,
                                          @ForAll @AlphaChars @StringLength(max = 20) String b) {
        assertThat(Levenshtein.distance(a, b)).isEqualTo(LevenshteinDistance.getDefaultInstance().apply(a, b));
    }

    /** Long and non-ASCII tokens take the row-by-row path; both paths must agree with Commons Text. */
    @Property(tries = 2000)
    void levenshteinAgreesOnLongAndNonAsciiTokens(@ForAll @StringLength(max = 90) String a,
                                                  @ForAll @AlphaChars @StringLength(min = 50, max = 90) String b) {
        assertThat(Levenshtein.distance(a, b)).isEqualTo(LevenshteinDistance.getDefaultInstance().apply(a, b));
    }
}
