package org.custody.evidence.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Anchors read from an expression, and scans that find exactly what a plain search finds. */
class AnchoredPatternTest {

    @Test
    void eachTopLevelAlternativeGivesItsLiteralStart() {
        assertThat(AnchoredPattern.anchors("carr(?:y|ies|ied)|in the hands of|held by"))
                .containsExactly("carr", "in the hands of", "held by");
        // a leading look-behind is skipped; nested alternatives do not split
        assertThat(AnchoredPattern.anchors("(?<!-)suppl(?:y|ies)(?: [\\w-]+){0,8} to|hand(?:s|ed)?"))
                .containsExactly("suppl", "hand");
        // a group first gives its own alternatives' starts; an optional one adds what follows it
        assertThat(AnchoredPattern.anchors("(?:found|made) (?:its|their) way to|(?:ha(?:s|ve) )?taken"))
                .containsExactly("found", "made", "ha", "taken");
        // inline flags, \b, named groups, quoted text, escaped punctuation
        assertThat(AnchoredPattern.anchors("(?i)\\b(?<x>(?i:according to))\\b|\\QU.S.\\E army|US\\$"))
                .containsExactly("according to", "u.s. army", "us$");
        // a class of plain characters or \d: each character
        assertThat(AnchoredPattern.anchors("[$€]|\\d+ dollars")).containsExactly("$", "€", "0", "1", "2", "3", "4", "5",
                "6", "7", "8", "9");
        // a group of nothing but zero-width atoms is skipped
        assertThat(AnchoredPattern.anchors("(?:^|(?<=[.!?]\\s))It")).containsExactly("it");
    }

    @Test
    void aQuantifiedLastCharacterIsNotRequired() {
        assertThat(AnchoredPattern.anchors("fields?|arms*|ab{0,2}c|abc{2}")).containsExactly("field", "arm", "a", "abc");
    }

    @Test
    void anAlternativeWithoutALiteralStartTurnsTheScanIntoAPlainSearch() {
        assertThat(AnchoredPattern.anchors("bought|x?sold")).isNull();
        assertThat(AnchoredPattern.anchors("[a-z]+ed|sold")).isNull();
        assertThat(AnchoredPattern.anchors("\\w+|sold")).isNull();
        assertThat(AnchoredPattern.anchors("(?:a|b)?")).isNull();
        assertThat(AnchoredPattern.compile("(?x) a b | c").anchors()).isNull();
    }

    private static final List<String> EXPRESSIONS = List.of(
            "(?i)\\b(?:carr(?:y|ies|ied|ying)|in the hands of|ha(?:s|ve|d)|(?:ha(?:s|ve|d) )?taken|took|us(?:e|es|ed|ing))\\b",
            "(?i)\\b(?:(?:found|made) (?:its|their) way (?:in)?to|hand(?:s|ed|ing)?(?! of)(?: [\\w.,'’-]+){0,4}? (?:over )?to|(?<!-)suppl(?:y|ies|ied))\\b",
            "\\b(?<after>(?i:according to|citing))\\b|\\b(?<verb>(?:is|are|was|were|has been) reporting|reports|reported|said|says|told)\\b",
            "(?<![\\p{L}.])(?:\\QIraqi\\E|\\QU.S.\\E|\\QSyrian\\E|\\QTurkish\\E|regime)(?![\\p{L}])",
            "(?i:\\b(?:warplanes?|war\\s+planes?|jets?|forces|troops|army))\\s*,?\\s+(?:(?:likely|possibly)\\s+)?(?<adjs>Iraqi|Syrian|regime)(?![\\p{L}])",
            "\\b(?:(?:[Tt]he|[Tt]hat|[Tt]his) (?:group|militia|movement)(?!['’]?s? \\p{Lu})|(?:^|(?<=[.!?:;]\\s))It(?= (?:\\w+ )?[a-z]+\\b)|[Ii]ts (?:fighters|members)|it(?= (?:had|has|was)\\b))\\b",
            "(?<pre>US\\$|\\$|€|£|USD|IQD)\\s?(?<num>\\d{1,3}(?:,\\d{3})+|\\d+)|(?<num2>\\d+(?:\\.\\d+)?)\\s+(?i:dollars|dinars)\\b",
            "(?i)\\b(not|never|no longer|n't|no)\\b|n['’]t\\b",
            "(?i)\\b(?:January|Feb\\.?|March) \\d{1,2}\\b");

    @Test
    void scansFindWhatAPlainSearchFindsOnRealText() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("data/corpus", "data/corpus-fresh", "data/corpus-fresh2")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        // edge cases: case folds outside ASCII, a word start after a digit or a non-ASCII letter, text ends
        texts.add("İt had the \u212Aelvin SAID 5Iraqi éIraqi _said Iraqis U.S.-backed it. it has “IT WAS” said");
        texts.add("Its fighters;It carries;it");
        int compared = 0;
        for (String regex : EXPRESSIONS) {
            Pattern p = Pattern.compile(regex);
            AnchoredPattern a = AnchoredPattern.of(p);
            assertThat(a.anchors()).as(regex).isNotNull();
            for (String t : texts) {
                assertThat(scanned(a.scan(t))).as(regex).isEqualTo(plain(p.matcher(t)));
                int from = t.length() / 3;
                int to = Math.min(t.length(), from + 400);
                Matcher m = p.matcher(t);
                m.region(from, to);
                m.useTransparentBounds(true);
                assertThat(scanned(a.scan(t, from, to))).as(regex + " in a region").isEqualTo(plain(m));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static List<String> plain(Matcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.start() + "-" + m.end() + ":" + m.group());
        return out;
    }

    private static List<String> scanned(AnchoredPattern.Scan s) {
        List<String> out = new ArrayList<>();
        while (s.find()) out.add(s.matcher().start() + "-" + s.matcher().end() + ":" + s.matcher().group());
        return out;
    }
}
