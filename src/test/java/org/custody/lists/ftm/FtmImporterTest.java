package org.custody.lists.ftm;

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

class FtmImporterTest {

    @TempDir
    Path tmp;

    @Test
    void t1SampleMapsPersonsAndOrganisationsAndSkipsAddresses() {
        ParsedList list = FtmImporter.read(SharedData.dir("opensanctions").resolve("yente-t1/entities.ftm.json"));
        assertThat(list.listId()).isEqualTo("opensanctions");
        assertThat(list.entities()).hasSize(6);
        Map<Schema, Long> bySchema = list.entities().stream()
                .collect(Collectors.groupingBy(ListEntity::schema, Collectors.counting()));
        assertThat(bySchema).containsEntry(Schema.PERSON, 4L).containsEntry(Schema.ORGANIZATION, 2L);
        ListEntity kuzmenko = list.entities().stream().filter(e -> e.sourceId().equals("NK-2Ka3UvopqbpZmVDFjWd4LA"))
                .findFirst().orElseThrow();
        assertThat(kuzmenko.id()).isEqualTo("opensanctions:NK-2Ka3UvopqbpZmVDFjWd4LA");
        assertThat(kuzmenko.primaryName()).isEqualTo("Vitaly Yurievich KUZMENKO");
        assertThat(kuzmenko.aliases()).contains(new Alias("Виталий Юрьевич КУЗЬМЕНКО", AliasStrength.STRONG, "name"));
        assertThat(kuzmenko.birthDates()).containsExactly("1971-01-22");
        assertThat(kuzmenko.nationalities()).containsExactly("Russia");
        assertThat(kuzmenko.identifiers()).anySatisfy(i -> assertThat(i.value()).isEqualTo("366510784303"));
        assertThat(kuzmenko.remarks()).contains("Topics: sanction");
    }

    @Test
    void zalaClusterAttachesSanctionProgramsAndSkipsRelations() {
        ParsedList list = FtmImporter.read(SharedData.dir("opensanctions").resolve("yente-zala/entities.ftm.json"));
        Map<String, ListEntity> byId = list.entities().stream()
                .collect(Collectors.toMap(ListEntity::sourceId, Function.identity()));
        assertThat(list.counts().get("sanctionsLinked")).isPositive();
        assertThat(list.warnings()).anySatisfy(w -> assertThat(w).contains("Ownership"));
        assertThat(list.entities()).allSatisfy(e -> assertThat(e.schema()).isIn(Schema.PERSON, Schema.ORGANIZATION));
        assertThat(byId.get("NK-nR5AXM9AVPq4pQaSPSaVam").primaryName()).isEqualTo("JSC Kalashnikov Concern");
        assertThat(byId.get("NK-nR5AXM9AVPq4pQaSPSaVam").programs()).contains("EU-UKR", "US-BIS-EL", "AU-RUSSIA");
        assertThat(byId.get("NK-cPks3aTbes8k4aCerfBAzN").primaryName()).isEqualTo("Акціонерне товариство \"Зала Аеро\"");
        assertThat(list.counts()).containsEntry("nonTargetSkipped", 3L).containsEntry("entities", 14L);
        assertThat(list.publishedAt()).startsWith("2026-04-29");
    }

    @Test
    void weakAliasesAndPreviousNamesAreWeak() throws IOException {
        Path f = write("""
                {"id":"x1","schema":"Company","caption":"ACME","properties":{"name":["ACME"],"alias":["ACME HOLDING"],"weakAlias":["AC"],"previousName":["OLD ACME"],"programId":["SDGT"]}}
                {"id":"s1","schema":"Sanction","properties":{"entity":["x1"],"programId":["IRAN-EO13902"]}}
                """);
        ListEntity e = FtmImporter.read(f, "test").entities().getFirst();
        assertThat(e.id()).isEqualTo("test:x1");
        assertThat(e.aliases()).containsExactly(new Alias("ACME HOLDING", AliasStrength.STRONG, "alias"),
                new Alias("OLD ACME", AliasStrength.WEAK, "previousName"), new Alias("AC", AliasStrength.WEAK, "weakAlias"));
        assertThat(e.programs()).containsExactly("SDGT", "IRAN-EO13902");
    }

    @Test
    void badJsonLineIsRefusedWithItsLineNumber() throws IOException {
        Path f = write("""
                {"id":"x1","schema":"Person","properties":{"name":["A B"]}}
                {"id":"x2","schema":"Person","properties":{"name":["C D"]}
                """);
        assertThatThrownBy(() -> FtmImporter.read(f)).isInstanceOfSatisfying(ListFormatException.class, e -> {
            assertThat(e.file()).isEqualTo("e.ftm.json");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.problem()).startsWith("invalid JSON");
        });
    }

    @Test
    void missingSchemaAndNamelessTargetsAreRefused() throws IOException {
        Path f = write("{\"id\":\"x1\",\"properties\":{}}\n");
        assertThatThrownBy(() -> FtmImporter.read(f)).isInstanceOfSatisfying(ListFormatException.class,
                e -> assertThat(e.field()).isEqualTo("schema"));
        Path g = write("{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":{\"name\":[]}}\n");
        assertThatThrownBy(() -> FtmImporter.read(g)).isInstanceOfSatisfying(ListFormatException.class,
                e -> assertThat(e.field()).isEqualTo("properties.name"));
        Path h = write("{\"id\":\"x1\",\"schema\":\"Person\",\"properties\":[1]}\n");
        assertThatThrownBy(() -> FtmImporter.read(h)).isInstanceOfSatisfying(ListFormatException.class,
                e -> assertThat(e.field()).isEqualTo("properties"));
        Path i = write("[1,2]\n");
        assertThatThrownBy(() -> FtmImporter.read(i)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("e.ftm.json:1");
    }

    @Test
    void nonTargetsAreNotScreened() throws IOException {
        Path f = write("""
                {"id":"p1","schema":"Person","target":false,"properties":{"name":["Relative"]}}
                {"id":"p2","schema":"Person","target":true,"properties":{"name":["Listed Person"]}}
                """);
        ParsedList l = FtmImporter.read(f);
        assertThat(l.entities()).extracting(ListEntity::primaryName).containsExactly("Listed Person");
        assertThat(l.counts()).containsEntry("nonTargetSkipped", 1L);
    }

    private Path write(String text) throws IOException {
        Path f = tmp.resolve("e.ftm.json");
        Files.writeString(f, text);
        return f;
    }
}
