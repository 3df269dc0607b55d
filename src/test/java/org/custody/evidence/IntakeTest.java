package org.custody.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custody.evidence.intake.Decoding;
import org.custody.evidence.intake.Intake;
import org.custody.evidence.intake.IntakeRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    private static List<SourceDocument> read(String name, String content) {
        return Intake.read(name, content.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }

    @Test
    void plainTextHeaderBlockCarriesMetadata() {
        SourceDocument d = read("a.txt", "Title: T\nOutlet: Gulf Wire\nPublished: 2018-02-12\nURL: https://x\n\nBody text here.").getFirst();
        assertThat(d.title()).isEqualTo("T");
        assertThat(d.outlet()).isEqualTo("Gulf Wire");
        assertThat(d.published()).isEqualTo(LocalDate.of(2018, 2, 12));
        assertThat(d.url()).isEqualTo("https://x");
        assertThat(d.text()).isEqualTo("Body text here.");
        assertThat(d.kind()).isEqualTo(SourceKind.TEXT);
    }

    @Test
    void copyrightLineNamesTheOutletOfAPlainText() {
        SourceDocument d = read("b.txt", "Some news happened today.\n© 2025 Newsmax. All rights reserved.").getFirst();
        assertThat(d.outlet()).isEqualTo("Newsmax");
    }

    @Test
    void sameTextIsTheSameDocumentWhateverTheWrapping() {
        SourceDocument a = read("a.txt", "One line\nof text.").getFirst();
        SourceDocument b = read("b.txt", "One line of text.\r\n").getFirst();
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
        assertThat(a.id()).isEqualTo(b.id());
    }

    @Test
    void htmlKeepsTheArticleAndDropsNavigationShareBarsAndComments() throws Exception {
        SourceDocument d = Intake.read(Path.of("data/corpus/page-2016-mosul-deliveries.html")).getFirst();
        assertThat(d.kind()).isEqualTo(SourceKind.HTML);
        assertThat(d.outlet()).isEqualTo("Northern Iraq Monitor");
        assertThat(d.published()).isEqualTo(LocalDate.of(2016, 10, 5));
        assertThat(d.url()).isEqualTo("https://example.org/2016/10/coalition-delivers-vehicles");
        assertThat(d.text()).contains("40 MaxxPro armored vehicles").contains("Defense Ministry denied");
        assertThat(d.text()).doesNotContain("Home").doesNotContain("Tweet").doesNotContain("Great news")
                .doesNotContain("newsletter").doesNotContain("Peshmerga retake").doesNotContain("tracking")
                .doesNotContain("having issues with commenting");
    }

    @Test
    void socialPostKeepsPlatformAuthorDateAndCaptions() throws Exception {
        SourceDocument d = Intake.read(Path.of("data/corpus/post-2017-tal-afar-abrams.json")).getFirst();
        assertThat(d.kind()).isEqualTo(SourceKind.SOCIAL_POST);
        assertThat(d.platform()).isEqualTo("facebook");
        assertThat(d.author()).isEqualTo("Abu Hussein al-Muhandis Media");
        assertThat(d.published()).isEqualTo(LocalDate.of(2017, 8, 24));
        assertThat(d.captions()).hasSize(2);
        assertThat(d.text()).contains("flying the flag of the Popular Mobilization Units");
    }

    @Test
    void fieldReportBecomesTextWithItemsAndSerials() throws Exception {
        SourceDocument d = Intake.read(Path.of("data/corpus/field-report-2018-tuz-khurmatu.json")).getFirst();
        assertThat(d.kind()).isEqualTo(SourceKind.FIELD_REPORT);
        assertThat(d.outlet()).isEqualTo("Custody Field Monitoring Team North");
        assertThat(d.published()).isEqualTo(LocalDate.of(2018, 1, 30));
        assertThat(d.text()).contains("- 2 M16A4 rifle (serials: W1234567, W1234571)");
    }

    @Test
    void fieldReportWithoutOrganisationIsRefusedNamingTheField() {
        assertThatThrownBy(() -> read("r.json", "{\"format\":\"custody-field-report/1\",\"reportId\":\"X\",\"summary\":\"s\"}"))
                .isInstanceOf(IntakeRefusal.class).hasMessageContaining("r.json").hasMessageContaining("'organisation'");
    }

    @Test
    void unknownJsonFormatAndBrokenJsonAreRefused() {
        assertThatThrownBy(() -> read("u.json", "{\"format\":\"other/2\"}")).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> read("v.json", "{\"platform\": \"x\", ")).isInstanceOf(IntakeRefusal.class)
                .hasMessageContaining("v.json").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> read("w.json", "[{\"platform\":\"x\",\"text\":\"ok\"}, {\"platform\":\"y\"}]"))
                .hasMessageContaining("record 1").hasMessageContaining("'text'");
        assertThatThrownBy(() -> read("p.json", "{\"platform\":\"x\",\"text\":\"t\",\"postedAt\":\"yesterday-ish\"}"))
                .hasMessageContaining("'postedAt'");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThatThrownBy(() -> read("deep.json", deep)).isInstanceOf(IntakeRefusal.class).hasMessageContaining("deep.json");
    }

    @Test
    void binaryJunkIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThatThrownBy(() -> Intake.read("photo.txt", png, Instant.EPOCH)).isInstanceOf(IntakeRefusal.class)
                .hasMessageContaining("photo.txt").hasMessageContaining("PNG");
        byte[] nul = "abc\0def".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Intake.read("n.txt", nul, Instant.EPOCH)).hasMessageContaining("NUL byte at offset 3");
        byte[] control = new byte[400];
        for (int i = 0; i < control.length; i++) control[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
        assertThatThrownBy(() -> Intake.read("c.txt", control, Instant.EPOCH)).hasMessageContaining("control bytes");
    }

    @Test
    void legacySingleByteTextIsDecodedAsWindows1252() {
        byte[] latin = "Caf\u00e9 in Mosul \u2013 report".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        SourceDocument d = Intake.read("l.txt", latin, Instant.EPOCH).getFirst();
        assertThat(d.text()).isEqualTo("Caf\u00e9 in Mosul \u2013 report");
        assertThat(Decoding.decode("l.txt", latin).charset()).startsWith("windows-1252");
    }

    @Test
    void mixedEncodingsAreRefusedWithTheByteOffset() {
        byte[] utf8 = "Caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] latin = "na\u00efve".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = new byte[utf8.length + latin.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(latin, 0, mixed, utf8.length, latin.length);
        assertThatThrownBy(() -> Intake.read("m.txt", mixed, Instant.EPOCH)).isInstanceOf(IntakeRefusal.class)
                .hasMessageContaining("m.txt").hasMessageContaining("mixed encodings")
                .hasMessageContaining("byte offset " + (utf8.length + 2));
    }

    @Test
    void utf16WithByteOrderMarkIsRead() {
        byte[] b = "\uFEFFMosul report".getBytes(StandardCharsets.UTF_16BE);
        assertThat(Intake.read("x.txt", b, Instant.EPOCH).getFirst().text()).isEqualTo("Mosul report");
    }

    @Test
    void enormousFilesAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'a'}), Decoding.MAX_BYTES + 10L);
        }
        assertThatThrownBy(() -> Intake.read(big)).isInstanceOf(IntakeRefusal.class)
                .hasMessageContaining("big.txt").hasMessageContaining("over the limit");
        assertThat(Files.size(big)).isGreaterThan(Decoding.MAX_BYTES);
    }

    @Test
    void deeplyNestedHtmlIsRefusedAndModerateNestingIsRead() {
        String deep = "<html><body>" + "<div>".repeat(3000) + "text" + "</div>".repeat(3000) + "</body></html>";
        assertThatThrownBy(() -> read("deep.html", deep)).isInstanceOf(IntakeRefusal.class)
                .hasMessageContaining("deep.html").hasMessageContaining("nested");
        String ok = "<html><body>" + "<div>".repeat(100) + "<p>Fighters seen in Mosul with rifles.</p>" + "</div>".repeat(100) + "</body></html>";
        assertThat(read("ok.html", ok).getFirst().text()).isEqualTo("Fighters seen in Mosul with rifles.");
    }

    @Test
    void emptyInputIsRefused() {
        assertThatThrownBy(() -> read("e.txt", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("s.html", "<html><body><nav>menu</nav></body></html>")).hasMessageContaining("no text");
    }
}
