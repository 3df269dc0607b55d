package org.custody.ledger.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.LedgerFormatException;
import org.custody.ledger.sipri.SipriDeliveries;

/** The ledger parsers either read a record or refuse it naming the file: never another exception. */
class LedgerParsersPropertiesTest {

    @Provide
    Arbitrary<String> csvCells() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("", "IQ-1", "2016-05-01", "01/05/2016", "3", "-1", "0", "x,y", "\"", "M1A1 Abrams",
                        "brigade", "FMS", "a;b", "99999999999"));
    }

    @Property(tries = 300)
    void lotsCsvRowsAreReadOrRefusedWithFileLineAndField(@ForAll("csvCells") String caseId,
                                                         @ForAll("csvCells") String lot,
                                                         @ForAll("csvCells") String qty,
                                                         @ForAll("csvCells") String date) throws IOException {
        Path dir = Files.createTempDirectory("lots");
        try {
            Files.writeString(dir.resolve("lots.csv"), "case_id,lot,article,quantity,delivery_date\n"
                    + String.join(",", caseId, lot, "M1A1", qty, date) + "\n");
            try {
                LedgerBatch b = LedgerCsv.read(dir);
                assertThat(b.lots()).hasSizeLessThanOrEqualTo(1);
                b.lots().forEach(l -> assertThat(l.quantity()).isPositive());
            } catch (LedgerFormatException e) {
                assertThat(e.getMessage()).startsWith("lots.csv:");
            }
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    @Property(tries = 300)
    void ledgerJsonIsReadOrRefusedNamingTheFile(@ForAll String text) throws IOException {
        try {
            LedgerJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.json");
        } catch (LedgerFormatException e) {
            assertThat(e.getMessage()).startsWith("x.json:");
        }
    }

    @Property(tries = 300)
    void ledgerJsonTransfersWithArbitraryFieldsAreReadOrRefused(@ForAll("csvCells") String caseId,
                                                                @ForAll("csvCells") String qty,
                                                                @ForAll("csvCells") String date) throws IOException {
        String doc = "{\"transfers\":[{\"caseId\":" + quote(caseId) + ",\"supplier\":\"US\",\"recipientCountry\":\"Iraq\","
                + "\"programme\":\"FMS\",\"lots\":[{\"lot\":\"1\",\"article\":\"M1A1\",\"quantity\":"
                + (qty.matches("-?\\d{1,9}") ? qty : quote(qty)) + ",\"deliveryDate\":" + quote(date) + "}]}]}";
        try {
            LedgerBatch b = LedgerJson.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "x.json");
            assertThat(b.transfers()).hasSize(1);
        } catch (LedgerFormatException e) {
            assertThat(e.getMessage()).startsWith("x.json:1");
        }
    }

    @Property(tries = 300)
    void sipriRowsAreReadOrRefusedWithTheirLine(@ForAll("csvCells") String id, @ForAll("csvCells") String delivered,
                                                @ForAll("csvCells") String year) throws IOException {
        List<String> cells = new ArrayList<>(List.of(id, "United States", "Iraq", "M-1A1 Abrams", "tank",
                "Armoured vehicles", "2008", "No", delivered, "No", year, "No", "New", "0.1", "1", "2", "No"));
        String text = "preamble line\n" + String.join(",", SipriDeliveriesHeader.HEADER) + "\n" + String.join(",", cells)
                + "\n";
        try {
            LedgerBatch b = SipriDeliveries.read(new StringReader(text), "s.csv", r -> true);
            assertThat(b.lots()).hasSize(1);
            assertThat(b.transfers().get(0).caseId()).startsWith("SIPRI-");
        } catch (LedgerFormatException e) {
            assertThat(e.getMessage()).startsWith("s.csv:");
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").chars()
                .mapToObj(ch -> ch < 0x20 ? String.format("\\u%04x", ch) : String.valueOf((char) ch))
                .reduce("", String::concat) + "\"";
    }

    static final class SipriDeliveriesHeader {
        static final List<String> HEADER = org.custody.ledger.sipri.SipriDeliveriesTestAccess.header();
    }
}
