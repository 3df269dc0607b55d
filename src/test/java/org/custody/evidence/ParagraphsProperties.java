package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custody.evidence.nlp.TextAnalyzer;
import org.custody.evidence.nlp.TextSpan;
import org.junit.jupiter.api.Test;

/** The paragraph scan that replaced a recursive regular expression: same paragraphs, no stack growth. */
class ParagraphsProperties {

    /** The expression the scan replaced (it overflowed the stack on a few thousand single-newline lines). */
    private static final Pattern OLD = Pattern.compile("[^\\n]+(?:\\n(?!\\s*\\n|- )[^\\n]+)*");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'b', ' ', '\n', '-', '.', '\t').ofMaxLength(60);
    }

    @Property(tries = 2000)
    void findsTheSameParagraphsAsTheOldExpression(@ForAll("texts") String text) {
        List<TextSpan> old = new ArrayList<>();
        Matcher m = OLD.matcher(text);
        while (m.find()) old.add(new TextSpan(m.start(), m.end()));
        assertThat(TextAnalyzer.paragraphs(text)).isEqualTo(old);
    }

    @Test
    void aLongRunOfSingleNewlineLinesIsOneParagraphAndDoesNotOverflow() {
        String text = "A convoy was seen near the river crossing.\n".repeat(20_000);
        assertThat(TextAnalyzer.paragraphs(text)).hasSize(1);
        assertThat(TextAnalyzer.english().sentences(text.substring(0, 300_000))).hasSizeGreaterThan(6000);
    }
}
