package org.custody.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custody.fuzz.ScratchDirProperties;
import org.custody.lists.ftm.FtmImporter;
import org.custody.lists.ofac.OfacCsvImporter;
import org.custody.lists.ofac.OfacCsvSet;
import org.custody.lists.un.UnConsolidatedImporter;

/**
 * Damaged real files: every importer either reads them or refuses them with a {@link ListFormatException}
 * that names the file and a line inside it. No other exception, no silent half-read.
 */
class ImporterFuzzProperties extends ScratchDirProperties {

    private static final String SDN_HEAD = head(SharedData.dir("ofac-sdn").resolve("sdn.csv"), 300);
    private static final String ALT_HEAD = head(SharedData.dir("ofac-sdn").resolve("alt.csv"), 300);
    private static final String UN_HEAD = un(120);
    private static final String FTM = read(SharedData.dir("opensanctions").resolve("yente-t1/entities.ftm.json"));


    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.strings().withChars('"', ',', '\n', '\r', '<', '>', '/', '{', '}', ':', '[', ']', 'x', '1',
                '-', '0', ' ', '\'', '\u001a', 'é').ofMinLength(1).ofMaxLength(8);
    }

    @Property(tries = 150)
    void damagedOfacCsvIsReadOrRefusedWithItsLine(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                                 @ForAll("junk") String insert, @ForAll boolean inAlt) throws IOException {
        String sdn = inAlt ? SDN_HEAD : damage(SDN_HEAD, at, insert);
        String alt = inAlt ? damage(ALT_HEAD, at, insert) : ALT_HEAD;
        Files.writeString(dir.resolve("sdn.csv"), sdn);
        Files.writeString(dir.resolve("alt.csv"), alt);
        String damagedName = inAlt ? "alt.csv" : "sdn.csv";
        long lines = (inAlt ? alt : sdn).lines().count() + 1;
        try {
            ParsedList l = OfacCsvImporter.read(OfacCsvSet.inFolder(dir).orElseThrow());
            assertThat(l.entities()).isNotEmpty();
        } catch (ListFormatException e) {
            assertThat(e.file()).isEqualTo(damagedName);
            assertThat(e.line()).isBetween(1L, lines);
            assertThat(e.getMessage()).startsWith(damagedName + ":" + e.line() + ": field ");
        }
    }

    @Property(tries = 100)
    void damagedUnXmlIsReadOrRefusedWithItsLine(@ForAll @IntRange(min = 0, max = 200_000) int at,
                                               @ForAll("junk") String insert, @ForAll boolean truncate) throws IOException {
        String text = truncate ? UN_HEAD.substring(0, at % UN_HEAD.length()) : damage(UN_HEAD, at, insert);
        Path f = dir.resolve("consolidated.xml");
        Files.writeString(f, text);
        try {
            UnConsolidatedImporter.read(f);
        } catch (ListFormatException e) {
            assertThat(e.file()).isEqualTo("consolidated.xml");
            assertThat(e.line()).isBetween(0L, text.lines().count() + 1);
        }
    }

    @Property(tries = 150)
    void damagedFtmLinesAreReadOrRefusedWithTheirLine(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                                     @ForAll("junk") String insert) throws IOException {
        String text = damage(FTM, at, insert);
        Path f = dir.resolve("e.ftm.json");
        Files.writeString(f, text);
        try {
            FtmImporter.read(f);
        } catch (ListFormatException e) {
            assertThat(e.file()).isEqualTo("e.ftm.json");
            assertThat(e.line()).isBetween(1L, text.lines().count() + 1);
        }
    }

    private static String damage(String text, int at, String insert) {
        int i = at % (text.length() + 1);
        return text.substring(0, i) + insert + text.substring(i);
    }

    private static String head(Path file, int lines) {
        List<String> all = read(file).lines().limit(lines).toList();
        return String.join("\r\n", all) + "\r\n\u001a";
    }

    /** The UN file cut after a number of records and closed properly, so the undamaged text is valid XML. */
    private static String un(int records) {
        String text = read(SharedData.dir("un-sc").resolve("UN_consolidated.xml"));
        int end = 0;
        for (int i = 0; i < records; i++) end = text.indexOf("</INDIVIDUAL>", end) + "</INDIVIDUAL>".length();
        return text.substring(0, end) + "\n  </INDIVIDUALS>\n</CONSOLIDATED_LIST>\n";
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
