package org.custody.diversion.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.custody.diversion.ClaimKind;
import org.custody.diversion.EvidenceClaim;
import org.custody.diversion.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsJsonlTest {

    static final String GOOD = """
            # field report, Anbar, June 2015
            {"id":"fr-1","kind":"possession","article":{"designation":"M1A1 Abrams","family":"M1 Abrams","category":"main battle tank"},"holder":{"id":"ofac-11462","name":"Kata'ib Hizballah"},"serial":"AB-0042","place":"Al-Qa'im","lat":34.37,"lon":41.09,"country":"Iraq","date":"2015-06-01","stance":"asserted","origins":["car-field-team"],"story":"s1","document":"d1","sentence":"Serial AB-0042 seen.","attributedTo":"CAR"}

            {"id":"fr-2","kind":"use","article":{"family":"M1 Abrams"},"holder":{"name":"Kata'ib Hizballah"},"stance":"hedged"}
            """;

    List<EvidenceClaim> read(String text) throws IOException {
        return ClaimsJsonl.read(new StringReader(text), "claims.jsonl");
    }

    @Test
    void readsClaims() throws IOException {
        List<EvidenceClaim> c = read(GOOD);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).serial()).isEqualTo("AB-0042");
        assertThat(c.get(0).coordinates().lat()).isEqualTo(34.37);
        assertThat(c.get(0).origins()).containsExactly("car-field-team");
        assertThat(c.get(1).kind()).isEqualTo(ClaimKind.USE);
        assertThat(c.get(1).stance()).isEqualTo(Stance.HEDGED);
        assertThat(c.get(1).origins()).hasSize(1); // defaults to the document/claim as its own origin
    }

    @Test
    void refusesBadLinesNamingFileLineAndField() {
        String base = "{\"id\":\"x\",\"kind\":\"possession\",\"article\":{\"designation\":\"M1A1\"},\"holder\":{\"name\":\"KH\"},\"stance\":\"asserted\"";
        assertError("not json", 1, "*");
        assertError("[1,2]", 1, "*");
        assertError("{\"kind\":\"possession\"}", 1, "id");
        assertError(base.replace("possession", "owning") + "}", 1, "kind");
        assertError(base.replace("asserted", "maybe") + "}", 1, "stance");
        assertError(base + ",\"date\":\"June 2015\"}", 1, "date");
        assertError(base + ",\"lat\":34.1}", 1, "lon");
        assertError(base + ",\"lat\":134.1,\"lon\":3}", 1, "lat");
        assertError(base + ",\"colour\":\"red\"}", 1, "colour");
        assertError(base + ",\"origins\":\"ap\"}", 1, "origins");
        assertError(base.replace("{\"designation\":\"M1A1\"}", "{}") + "}", 1, "article");
        assertError(base.replace("{\"name\":\"KH\"}", "{}") + "}", 1, "holder");
        assertError(base + "}\n" + base + "}", 2, "id");
        assertError("\n\n" + base + ",\"serial\":42}", 3, "serial");
    }

    void assertError(String text, long line, String field) {
        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(ClaimsFormatException.class, e -> {
            assertThat(e.file()).isEqualTo("claims.jsonl");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith("claims.jsonl:" + line + ": " + field + ": ");
        });
    }

    @Test
    void refusesNonUtf8File(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        Files.write(f, new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xFC, '"', '}'});
        assertThatThrownBy(() -> ClaimsJsonl.read(f)).hasMessageContaining("not UTF-8");
    }

    @Property(tries = 300)
    void arbitraryInputIsReadOrRefusedWithAFormatError(@ForAll @StringLength(max = 300) String junk) {
        try {
            read(junk);
        } catch (ClaimsFormatException e) {
            assertThat(e.getMessage()).startsWith("claims.jsonl:");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 300)
    void mutatedGoodInputIsReadOrRefusedWithAFormatError(@ForAll("positions") int cut, @ForAll char replacement) {
        String s = GOOD;
        int at = Math.floorMod(cut, s.length());
        String mutated = s.substring(0, at) + replacement + s.substring(Math.min(s.length(), at + 1));
        try {
            read(mutated);
        } catch (ClaimsFormatException e) {
            assertThat(e.line()).isBetween(0L, 4L);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> positions() {
        return net.jqwik.api.Arbitraries.integers().between(0, 10_000);
    }
}
