package org.custody.ledger.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custody.ledger.LedgerBatch;
import org.custody.ledger.LedgerFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding 9 of the hardening issue: weak refusals of the ledger readers, now naming file, line and field. */
class LedgerInputHardeningTest {

    @TempDir
    Path dir;

    private static LedgerBatch json(String text) throws Exception {
        LedgerBatch b = LedgerJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "case.json");
        drain(b);
        return b;
    }

    private static void drain(LedgerBatch b) throws Exception {
        for (LedgerBatch.SerialFeed f : b.serials()) f.feed(row -> { });
    }

    private static String transfer(String caseId, String quantity, String serial) {
        return "{\"transfers\": [\n{\"caseId\": \"" + caseId + "\", \"supplier\": \"US\", \"recipientCountry\": \"Iraq\","
                + " \"programme\": \"FMS\",\n \"lots\": [{\"lot\": \"1\", \"article\": \"m4-carbine\", \"quantity\": "
                + quantity + ", \"serials\": [\"A1\", \"" + serial + "\"]}]}]}";
    }

    @Test
    void aNulByteInASerialIsRefusedWithFileRecordAndField() {
        assertThatThrownBy(() -> json(transfer("IQ-B-1", "2", "W\\u0000123")))
                .isInstanceOf(LedgerFormatException.class)
                .hasMessageContaining("case.json:2").hasMessageContaining("transfers[0].lots[0].serials[1]")
                .hasMessageContaining("serials").hasMessageContaining("control character U+0000");
    }

    @Test
    void aHundredThousandCharacterCaseIdIsRefused() {
        assertThatThrownBy(() -> json(transfer("X".repeat(100_000), "2", "A2")))
                .isInstanceOf(LedgerFormatException.class).hasMessageContaining("caseId")
                .hasMessageContaining("100000 characters long, at most 128");
    }

    @Test
    void aDuplicateKeyIsRefusedNotSilentlyDecided() {
        String text = "{\"transfers\": [{\"caseId\": \"A\", \"caseId\": \"B\", \"supplier\": \"US\"}]}";
        assertThatThrownBy(() -> json(text)).isInstanceOf(LedgerFormatException.class)
                .hasMessageContaining("case.json:1").hasMessageContaining("Duplicate field 'caseId'");
    }

    @Test
    void aQuantityOfTwoToTheThirtyFirstIsTooLargeNotTooSmall() throws Exception {
        assertThatThrownBy(() -> json(transfer("IQ-B-1", "2147483648", "A2")))
                .isInstanceOf(LedgerFormatException.class).hasMessageContaining("quantity")
                .hasMessageContaining("2147483648 is too large (at most 2147483647)");
        assertThatThrownBy(() -> json(transfer("IQ-B-1", "0", "A2"))).hasMessageContaining("must be at least 1, is 0");
        assertThatThrownBy(() -> json(transfer("IQ-B-1", "2.5", "A2"))).hasMessageContaining("expected a whole number");

        Files.writeString(dir.resolve("lots.csv"), "case_id,lot,article,quantity\nIQ-B-1,1,m4-carbine,2147483648\n");
        assertThatThrownBy(() -> LedgerCsv.read(dir).lots())
                .hasMessageContaining("lots.csv:2").hasMessageContaining("quantity")
                .hasMessageContaining("2147483648 is too large (at most 2147483647)");
    }

    @Test
    void anInvalidByteIsReportedOnItsOwnLineEvenFarIntoAFile() throws Exception {
        StringBuilder sb = new StringBuilder("case_id,lot,serial\n");
        for (int i = 2; i < 8000; i++) sb.append("IQ-B-1,1,SN-").append(i).append('\n');
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "IQ-B-1,1,SN-\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);   // 0xFF: never valid UTF-8
        byte[] tail = "IQ-B-1,1,SN-8001\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        Files.write(dir.resolve("serials.csv"), all);
        LedgerBatch b = LedgerCsv.read(dir);
        assertThatThrownBy(() -> drain(b))
                .isInstanceOf(LedgerFormatException.class).hasMessageContaining("serials.csv:8000")
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void aQuotedLineBreakIsRefusedOnTheLineItsRecordStarts() throws Exception {
        Files.writeString(dir.resolve("transfers.csv"), "case_id,supplier,recipient_country,programme,notes\n"
                + "IQ-B-0,US,Iraq,FMS,x\nIQ-B-1,US,Iraq,FMS,\"two\nlines\"\nIQ-B-2,US,Iraq,NOPE,x\n");
        assertThatThrownBy(() -> LedgerCsv.read(dir)).hasMessageContaining("transfers.csv:3: field 'notes'")
                .hasMessageContaining("control character U+000A");
    }
}
