package org.custody.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.ListFormatException;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacXmlImporterTest {

    @TempDir
    Path tmp;

    static Path sample() {
        try {
            return Path.of(OfacXmlImporterTest.class.getResource("/lists/sdn-sample.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEntriesInThePublicSchema() {
        ParsedList list = OfacXmlImporter.read(sample(), "ofac-sdn");
        assertThat(list.publishedAt()).isEqualTo("2024-05-03");
        assertThat(list.warnings()).isEmpty();
        List<ListEntity> es = list.entities();
        assertThat(es).extracting(ListEntity::id).containsExactly("ofac-sdn:10481", "ofac-sdn:28283", "ofac-sdn:15859");

        ListEntity qs = es.get(0);
        assertThat(qs.schema()).isEqualTo(Schema.PERSON);
        assertThat(qs.primaryName()).isEqualTo("SOLEIMANI, Qasem");
        assertThat(qs.aliases()).containsExactly(new Alias("SOLEYMANI, Ghasem", AliasStrength.STRONG, "a.k.a."),
                new Alias("SULAYMAN, Qasim", AliasStrength.STRONG, "a.k.a."));
        assertThat(qs.birthDates()).containsExactly("1957-03-11");
        assertThat(qs.nationalities()).containsExactly("Iran");
        assertThat(qs.identifiers()).containsExactly(new Identifier("Diplomatic Passport", "008827", "Iran"));

        ListEntity aah = es.get(1);
        assertThat(aah.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(aah.aliases()).containsExactly(
                new Alias("LEAGUE OF THE RIGHTEOUS", AliasStrength.STRONG, "a.k.a."),
                new Alias("AAH", AliasStrength.WEAK, "a.k.a."),
                new Alias("KHAZALI NETWORK", AliasStrength.WEAK, "f.k.a."),
                new Alias("THE PEOPLE OF THE CAVE", AliasStrength.WEAK, "a.k.a."));

        ListEntity badr = es.get(2);
        assertThat(badr.schema()).isEqualTo(Schema.VESSEL);
        assertThat(badr.identifiers()).contains(new Identifier("Call Sign", "EQJU", ""),
                new Identifier("Vessel Flag", "Iran", ""));
    }

    @Test
    void recordCountMismatchIsAWarning() throws IOException {
        Path f = tmp.resolve("sdn.xml");
        Files.writeString(f, Files.readString(sample()).replace("<Record_Count>3<", "<Record_Count>4<"));
        assertThat(OfacXmlImporter.read(f, "ofac-sdn").warnings()).singleElement().asString()
                .contains("Record_Count says 4");
    }

    @Test
    void unknownTypeNamesTheField() throws IOException {
        Path f = tmp.resolve("sdn.xml");
        Files.writeString(f, Files.readString(sample()).replace("<sdnType>Vessel<", "<sdnType>Boat<"));
        // the record's opening tag is the line before its uid
        long recordLine = lineOf("<uid>15859</uid>") - 1;
        assertThatThrownBy(() -> OfacXmlImporter.read(f, "ofac-sdn")).isInstanceOfSatisfying(ListFormatException.class,
                e -> {
                    assertThat(e.file()).isEqualTo("sdn.xml");
                    assertThat(e.field()).isEqualTo("sdnType");
                    assertThat(e.line()).isEqualTo(recordLine);
                    assertThat(e.problem()).contains("'Boat'");
                });
    }

    private static long lineOf(String text) throws IOException {
        List<String> lines = Files.readString(sample()).lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    @Test
    void brokenXmlNamesTheLine() throws IOException {
        Path f = tmp.resolve("sdn.xml");
        String broken = Files.readString(sample()).replace("<lastName>BADR</lastName>", "<lastName>BADR</lastname>");
        Files.writeString(f, broken);
        long line = broken.lines().toList().indexOf("    <lastName>BADR</lastname>") + 1;
        assertThatThrownBy(() -> OfacXmlImporter.read(f, "ofac-sdn")).isInstanceOfSatisfying(ListFormatException.class,
                e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).startsWith("malformed XML");
                });
    }
}
