package org.custody.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custody.lists.Alias;
import org.custody.lists.AliasStrength;
import org.custody.lists.Identifier;
import org.custody.lists.ListEntity;
import org.custody.lists.ListFormatException;
import org.custody.lists.ParsedList;
import org.custody.lists.Schema;
import org.custody.lists.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacCsvImporterTest {

    @TempDir
    Path tmp;

    private static ParsedList read(Path folder) {
        return OfacCsvImporter.read(OfacCsvSet.inFolder(folder).orElseThrow());
    }

    private static Map<String, ListEntity> byId(ParsedList list) {
        return list.entities().stream().collect(Collectors.toMap(ListEntity::sourceId, Function.identity()));
    }

    @Test
    void consistentSetJoinsEverythingWithoutOrphans() {
        ParsedList list = read(SharedData.dir("ofac-sdn-2021-07"));
        assertThat(list.listId()).isEqualTo("ofac-sdn");
        assertThat(list.entities()).hasSize(8976);
        assertThat(list.counts()).containsEntry("aliasRows", 11910L).containsEntry("addressRows", 13837L)
                .containsEntry("commentRows", 5L).containsEntry("aliasOrphanRows", 0L)
                .containsEntry("addressOrphanRows", 0L).containsEntry("commentOrphanRows", 0L);
        assertThat(list.warnings()).isEmpty();
        long strongAliases = list.entities().stream().flatMap(e -> e.aliases().stream())
                .filter(a -> a.strength() != AliasStrength.WEAK || a.kind().equals("fka")).count();
        assertThat(strongAliases).isEqualTo(11910);
        assertThat(list.contentHash()).hasSize(64);
    }

    @Test
    void mixedDateSetCountsAndReportsOrphans() {
        ParsedList list = read(SharedData.dir("ofac-sdn"));
        assertThat(list.entities()).hasSize(14965);
        assertThat(list.counts().get("aliasOrphanEntities")).isEqualTo(945L);
        assertThat(list.counts().get("addressOrphanEntities")).isBetween(2000L, 2200L);
        assertThat(list.warnings()).anySatisfy(w -> assertThat(w).startsWith("alt.csv: ").contains("945 ent_nums"));
        Map<Schema, Long> bySchema = list.entities().stream()
                .collect(Collectors.groupingBy(ListEntity::schema, Collectors.counting()));
        assertThat(bySchema).containsEntry(Schema.PERSON, 6854L).containsEntry(Schema.ORGANIZATION, 6884L)
                .containsEntry(Schema.VESSEL, 851L).containsEntry(Schema.AIRCRAFT, 376L);
    }

    @Test
    void kataibHizballahHasStrongAliasesFromAltAndWeakOnesFromRemarks() {
        ListEntity kh = byId(read(SharedData.dir("ofac-sdn"))).get("11462");
        assertThat(kh.id()).isEqualTo("ofac-sdn:11462");
        assertThat(kh.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(kh.primaryName()).isEqualTo("KATA'IB HIZBALLAH");
        assertThat(kh.programs()).containsExactly("FTO", "SDGT", "IRAQ3");
        assertThat(kh.aliases()).contains(new Alias("HIZBALLAH BRIGADES", AliasStrength.STRONG, "aka"),
                new Alias("KATA'IB HIZBALLAH FI AL-IRAQ", AliasStrength.WEAK, "a.k.a."),
                new Alias("ISLAMIC RESISTANCE IN IRAQ", AliasStrength.WEAK, "a.k.a."),
                new Alias("KATIBAT ZAYD EBIN ALI", AliasStrength.WEAK, "a.k.a."));
        assertThat(kh.remarks()).startsWith("www.aleseb.com; a.k.a.");
    }

    @Test
    void soleimaniHasBirthDateNationalityAndPassport() {
        ListEntity qs = byId(read(SharedData.dir("ofac-sdn"))).get("10481");
        assertThat(qs.schema()).isEqualTo(Schema.PERSON);
        assertThat(qs.birthDates()).containsExactly("1957-03-11");
        assertThat(qs.nationalities()).containsExactly("Iran");
        assertThat(qs.identifiers()).contains(new Identifier("Diplomatic Passport", "008827", "Iran"));
        assertThat(qs.aliases()).extracting(Alias::name).contains("SOLEYMANI, Ghasem", "SULAYMAN, Qasim");
        assertThat(qs.programs()).containsExactly("SDGT", "SYRIA", "NPWMD", "IRGC", "IFSR");
    }

    @Test
    void commentOverflowContinuesTheRemarksAndItsAkasAreFound() {
        ListEntity lazarus = byId(read(SharedData.dir("ofac-sdn"))).get("27307");
        // "WHOIS HACKIN" ends the sdn.csv remarks; "G TEAM'" starts the comment row
        assertThat(lazarus.aliases()).extracting(Alias::name).contains("WHOIS HACKING TEAM", "APPLEWORM");
    }

    @Test
    void vesselKeepsRegistrationAndFlag() {
        ListEntity badr = byId(read(SharedData.dir("ofac-sdn"))).get("15859");
        assertThat(badr.schema()).isEqualTo(Schema.VESSEL);
        assertThat(badr.identifiers()).contains(new Identifier("Call Sign", "EQJU", ""),
                new Identifier("Vessel Flag", "Iran", ""),
                new Identifier("Vessel Registration Identification IMO", "8407345", ""));
    }

    @Test
    void nonSdnConsolidatedSetIsItsOwnList() {
        ParsedList list = read(SharedData.dir("ofac-non-sdn"));
        assertThat(list.listId()).isEqualTo("ofac-cons");
        assertThat(list.entities()).hasSize(442);
        assertThat(list.entities().stream().filter(e -> e.schema() == Schema.PERSON).count()).isEqualTo(79);
    }

    @Test
    void formerNamesAreWeakAndCurrentNamesStrong() throws IOException {
        write("sdn.csv", "1,\"ACME SHIPPING\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a");
        write("alt.csv", "1,10,\"fka\",\"OLD ACME\",-0- \r\n1,11,\"nka\",\"NEW ACME\",-0- \r\n"
                + "1,12,\"aka\",\"ACME\",-0- \r\n\u001a");
        ListEntity e = read(tmp).entities().getFirst();
        assertThat(e.aliases()).containsExactly(new Alias("OLD ACME", AliasStrength.WEAK, "fka"),
                new Alias("NEW ACME", AliasStrength.STRONG, "nka"), new Alias("ACME", AliasStrength.STRONG, "aka"));
    }

    // ---- malformed input: refused with file, line and field named ----

    @Test
    void truncatedRowNamesTheFirstMissingColumn() throws IOException {
        write("sdn.csv", good(1) + "2,\"TRUNCATED CO\",-0- ,\"SDGT\"\r\n" + good(3) + "\u001a");
        assertRefused("sdn.csv", 2, "Title", "expected 12 columns");
    }

    @Test
    void extraColumnIsRefused() throws IOException {
        write("sdn.csv", good(1) + good(2).replace("-0- \r\n", "-0- ,\"EXTRA\"\r\n") + "\u001a");
        assertRefused("sdn.csv", 2, "column 13", "but found 13");
    }

    @Test
    void unknownEntityTypeIsRefused() throws IOException {
        write("sdn.csv", good(1) + good(2).replace(",-0- ,\"SDGT\"", ",\"spaceship\",\"SDGT\"") + "\u001a");
        assertRefused("sdn.csv", 2, "SDN_Type", "unknown SDN_Type 'spaceship'");
    }

    @Test
    void nonNumericEntNumIsRefused() throws IOException {
        write("sdn.csv", good(1) + good(2).replaceFirst("^2,", "2x,") + "\u001a");
        assertRefused("sdn.csv", 2, "ent_num", "not a whole number");
    }

    @Test
    void unclosedQuoteIsRefusedAtTheLineItOpened() throws IOException {
        write("sdn.csv", good(1) + good(2) + "3,\"NEVER CLOSED,-0- ,-0- ,-0- \r\n4,-0- \r\n\u001a");
        assertRefused("sdn.csv", 3, "SDN_Name", "not closed");
    }

    @Test
    void quoteClosedTooEarlyIsRefusedWhereTheTextContinues() throws IOException {
        write("sdn.csv", good(1) + "2,\"ACME \"BEST\" CO\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a");
        assertRefused("sdn.csv", 2, "SDN_Name", "after a closing quote");
    }

    @Test
    void badAliasTypeNamesTheAliasFile() throws IOException {
        write("sdn.csv", good(1) + "\u001a");
        write("alt.csv", "1,10,\"aka\",\"GOOD\",-0- \r\n1,11,\"maybe\",\"BAD\",-0- \r\n\u001a");
        assertRefused("alt.csv", 2, "alt_type", "unknown alias type 'maybe'");
    }

    @Test
    void missingAliasNameIsRefused() throws IOException {
        write("sdn.csv", good(1) + "\u001a");
        write("alt.csv", "1,10,\"aka\",-0- ,-0- \r\n\u001a");
        assertRefused("alt.csv", 1, "alt_name", "missing alt_name");
    }

    @Test
    void duplicateEntNumIsRefused() throws IOException {
        write("sdn.csv", good(1) + good(1) + "\u001a");
        assertRefused("sdn.csv", 2, "ent_num", "duplicate ent_num 1");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Files.write(tmp.resolve("sdn.csv"), new byte[] {'1', ',', '"', (byte) 0xC3, (byte) 0x28, '"'});
        assertThatThrownBy(() -> read(tmp)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("sdn.csv:1").hasMessageContaining("UTF-8");
    }

    @Test
    void dataAfterTheEofByteIsRefused() throws IOException {
        write("sdn.csv", good(1) + "\u001a" + good(2));
        assertRefused("sdn.csv", 2, "", "after the end-of-file byte");
    }

    private void assertRefused(String file, long line, String field, String problem) {
        assertThatThrownBy(() -> read(tmp)).isInstanceOfSatisfying(ListFormatException.class, e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).contains(problem);
            assertThat(e.getMessage()).startsWith(file + ":" + line + ": field ");
        });
    }

    private static String good(int ent) {
        return ent + ",\"COMPANY " + ent + "\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unused")
    private static List<String> names(ListEntity e) {
        return e.aliases().stream().map(Alias::name).toList();
    }
}
