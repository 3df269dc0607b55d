package org.custody.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custody.catalog.json.CatalogJson;
import org.custody.evidence.EvidenceAnalyzer;
import org.custody.evidence.SourceDocument;
import org.custody.evidence.extract.CatalogArticleResolver;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.custody.lists.ListFormatException;
import org.custody.lists.ofac.OfacXmlImporter;

/**
 * The parsers not covered by the per-format property tests (OFAC XML, HTML pages, social posts, field
 * reports, plain text with a header), fed damaged copies of real files: each input is read, or refused
 * with the documented exception naming the file (and for lists the line and field). Documents that are
 * read go through the whole extraction pipeline, which must not throw either. Tries per target come from
 * {@code jqwik.tries.default} (src/test/resources/junit-platform.properties; raise it for a long run,
 * see docs/reliability.md).
 */
class ParserFuzzProperties extends ScratchDirProperties {

    private static final String SDN_XML = resource("/lists/sdn-sample.xml");
    private static final String HTML = corpus("page-2016-mosul-deliveries.html");
    private static final String POST = corpus("post-2017-tal-afar-abrams.json");
    private static final String REPORT = corpus("field-report-2018-tuz-khurmatu.json");
    private static final String TEXT = corpus("statement-2015-pentagon-denial.txt");
    private static final EvidenceAnalyzer ANALYZER = EvidenceAnalyzer.standard(
            new CatalogArticleResolver(CatalogJson.starter().catalog()), null);


    /** Short runs of characters that break formats: quotes, brackets, controls, NUL, surrogates, BOM. */
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars('"', ',', '\n', '<', '>', '/', '{', '}', ':', '[', ']', '&', ';', '\\',
                        'x', '1', '-', ' ', '\'', '\u0000', '\u001b', '\u200b', '\ufeff', '\u202e', 'é').ofMinLength(1)
                        .ofMaxLength(8),
                Arbitraries.of("</div>", "<script>", "<!--", "]]>", "&#0;", "&amp", "\":[\"x\"]", "\":123", "\":{}",
                        "\":null", ",\"text\":\"dup\"", "\"\\u0000\"", "\\ud800", "9".repeat(40), "<a><b><c>"));
    }

    private static String damage(String text, int at, String insert, int cut) {
        int i = at % (text.length() + 1);
        String s = text.substring(0, i) + insert + text.substring(i);
        return cut == 0 ? s : s.substring(0, Math.max(0, s.length() - cut % (s.length() + 1)));
    }

    @Property
    void damagedOfacXmlIsReadOrRefusedWithFileAndLine(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                                     @ForAll("junk") String insert,
                                                     @ForAll @IntRange(min = 0, max = 3) int truncate) throws IOException {
        String text = damage(SDN_XML, at, insert, truncate == 3 ? at : 0);
        Path f = dir.resolve("sdn.xml");
        Files.writeString(f, text);
        try {
            OfacXmlImporter.read(f, "ofac-sdn");
        } catch (ListFormatException e) {
            assertThat(e.file()).isEqualTo("sdn.xml");
            assertThat(e.line()).isBetween(0L, text.lines().count() + 1);
            assertThat(e.getMessage()).startsWith("sdn.xml:");
        }
    }

    @Property
    void damagedHtmlPagesAreReadOrRefused(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                          @ForAll("junk") String insert, @ForAll @IntRange(min = 0, max = 3) int cut) {
        check("page.html", damage(HTML, at, insert, cut == 3 ? at : 0));
    }

    @Property
    void damagedSocialPostsAreReadOrRefused(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                            @ForAll("junk") String insert, @ForAll @IntRange(min = 0, max = 3) int cut) {
        check("post.json", damage(POST, at, insert, cut == 3 ? at : 0));
    }

    @Property
    void damagedFieldReportsAreReadOrRefused(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                             @ForAll("junk") String insert, @ForAll @IntRange(min = 0, max = 3) int cut) {
        check("report.json", damage(REPORT, at, insert, cut == 3 ? at : 0));
    }

    @Property
    void damagedPlainTextIsReadOrRefused(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                         @ForAll("junk") String insert, @ForAll @IntRange(min = 0, max = 3) int cut) {
        check("statement.txt", damage(TEXT, at, insert, cut == 3 ? at : 0));
    }

    /** Read (and analysed without an exception) or refused naming the file. */
    private static void check(String name, String text) {
        try {
            for (SourceDocument d : Intake.read(name, text.getBytes(StandardCharsets.UTF_8), Instant.EPOCH)) {
                assertThat(d.text()).isNotBlank();
                ANALYZER.analyze(d);
            }
        } catch (IntakeRefusal e) {
            assertThat(e.getMessage()).startsWith(name + ": ");
        }
    }

    private static String resource(String name) {
        try {
            return Files.readString(Path.of(ParserFuzzProperties.class.getResource(name).toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String corpus(String name) {
        try {
            return Files.readString(Path.of("data", "corpus", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
