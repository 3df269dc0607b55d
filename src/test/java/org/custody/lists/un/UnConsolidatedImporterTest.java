package org.custody.lists.un;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.ListEntity;
import org.custody.lists.ListFormatException;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.custody.lists.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnConsolidatedImporterTest {

    @TempDir
    Path tmp;

    static Path un() {
        return SharedData.dir("un-sc").resolve("UN_consolidated.xml");
    }

    @Test
    void readsIndividualsAndEntities() {
        ParsedList list = UnConsolidatedImporter.read(un());
        assertThat(list.listId()).isEqualTo("un-sc");
        assertThat(list.publishedAt()).isEqualTo("2026-02-27T00:00:09.554Z");
        assertThat(list.counts()).containsEntry("individuals", 730L).containsEntry("organizations", 273L);
        Map<String, ListEntity> byRef = list.entities().stream()
                .collect(Collectors.toMap(ListEntity::sourceId, Function.identity()));

        ListEntity badege = byRef.get("CDi.001");
        assertThat(badege.id()).isEqualTo("un-sc:CDi.001");
        assertThat(badege.schema()).isEqualTo(Schema.PERSON);
        assertThat(badege.primaryName()).isEqualTo("ERIC BADEGE");
        assertThat(badege.birthDates()).containsExactly("1971");
        assertThat(badege.nationalities()).containsExactly("Democratic Republic of the Congo");
        assertThat(badege.programs()).containsExactly("DRC");
        assertThat(badege.addresses()).singleElement().satisfies(a -> assertThat(a.country()).isEqualTo("Rwanda"));

        ListEntity adf = byRef.get("CDe.001");
        assertThat(adf.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(adf.aliases()).contains(new Alias("Allied Democratic Forces", AliasStrength.STRONG, "a.k.a."),
                new Alias("NALU", AliasStrength.WEAK, "f.k.a."));
    }

    @Test
    void aliasQualityGoodIsStrongAndLowIsWeak() {
        ParsedList list = UnConsolidatedImporter.read(un());
        long good = list.entities().stream().flatMap(e -> e.aliases().stream()).filter(a -> a.kind().equals("Good")).count();
        long low = list.entities().stream().flatMap(e -> e.aliases().stream()).filter(a -> a.kind().equals("Low")).count();
        assertThat(good).isGreaterThan(1000);
        assertThat(low).isGreaterThan(300);
        assertThat(list.entities().stream().flatMap(e -> e.aliases().stream()).filter(a -> a.kind().equals("Low")))
                .allMatch(a -> a.strength() == AliasStrength.WEAK);
        assertThat(list.entities().stream().flatMap(e -> e.aliases().stream()).filter(a -> a.kind().equals("Good")))
                .allMatch(a -> a.strength() == AliasStrength.STRONG);
        // names in Arabic script arrive as strong aliases
        assertThat(list.entities().stream().flatMap(e -> e.aliases().stream())
                .filter(a -> a.kind().equals("original script"))).hasSizeGreaterThan(300);
    }

    @Test
    void documentsBecomeIdentifiers() {
        ParsedList list = UnConsolidatedImporter.read(un());
        assertThat(list.entities().stream().flatMap(e -> e.identifiers().stream())
                .filter(i -> i.type().startsWith("Passport"))).hasSizeGreaterThan(100);
    }

    @Test
    void truncatedXmlIsRefusedWithItsLine() throws IOException {
        Path f = tmp.resolve("consolidated.xml");
        String text = Files.readString(un());
        Files.writeString(f, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> UnConsolidatedImporter.read(f)).isInstanceOfSatisfying(ListFormatException.class, e -> {
            assertThat(e.file()).isEqualTo("consolidated.xml");
            assertThat(e.line()).isGreaterThan(1000);
            assertThat(e.problem()).startsWith("malformed XML");
        });
    }

    @Test
    void recordWithoutNameIsRefusedNamingTheField() throws IOException {
        Path f = tmp.resolve("consolidated.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
                  <INDIVIDUALS>
                    <INDIVIDUAL>
                      <REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>
                      <FIRST_NAME>NAMED</FIRST_NAME>
                    </INDIVIDUAL>
                    <INDIVIDUAL>
                      <REFERENCE_NUMBER>QDi.998</REFERENCE_NUMBER>
                    </INDIVIDUAL>
                  </INDIVIDUALS>
                </CONSOLIDATED_LIST>
                """);
        assertThatThrownBy(() -> UnConsolidatedImporter.read(f)).isInstanceOfSatisfying(ListFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.field()).isEqualTo("FIRST_NAME");
            assertThat(e.problem()).contains("QDi.998");
        });
    }

    @Test
    void unknownAliasQualityIsRefused() throws IOException {
        Path f = tmp.resolve("consolidated.xml");
        Files.writeString(f, """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST>
                  <ENTITIES>
                    <ENTITY>
                      <REFERENCE_NUMBER>QDe.1</REFERENCE_NUMBER>
                      <FIRST_NAME>SOME FRONT</FIRST_NAME>
                      <ENTITY_ALIAS><QUALITY>Medium</QUALITY><ALIAS_NAME>FRONT</ALIAS_NAME></ENTITY_ALIAS>
                    </ENTITY>
                  </ENTITIES>
                </CONSOLIDATED_LIST>
                """);
        assertThatThrownBy(() -> UnConsolidatedImporter.read(f)).isInstanceOfSatisfying(ListFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.field()).isEqualTo("QUALITY");
        });
    }

    @Test
    void otherXmlIsNotTakenForTheUnList() throws IOException {
        Path f = tmp.resolve("other.xml");
        Files.writeString(f, "<?xml version=\"1.0\"?><catalog><book/></catalog>");
        assertThatThrownBy(() -> UnConsolidatedImporter.read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("expected <CONSOLIDATED_LIST>");
    }

    @Test
    void externalEntitiesAreNotResolved() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET NAME");
        Path f = tmp.resolve("xxe.xml");
        Files.writeString(f, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER>"
                + "<FIRST_NAME>&s;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>");
        try {
            ParsedList l = UnConsolidatedImporter.read(f);
            assertThat(l.entities()).noneMatch(e -> e.primaryName().contains("SECRET"));
        } catch (ListFormatException refused) {
            assertThat(refused.file()).isEqualTo("xxe.xml");
        }
    }
}
