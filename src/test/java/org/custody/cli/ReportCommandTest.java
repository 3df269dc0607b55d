package org.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.config.CustodyHome;
import org.custody.store.Database;
import org.custody.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custody report quarterly} end to end: the test writes a quarter's record as files (units, transfers,
 * lots, serials, an inventory check, claims), records it through the CLI with vetting decisions and a
 * confirmed case, renders the report, reads the PDF's text back and checks every figure against the data it
 * wrote, turns the pages into PNG with pdftoppm, and verifies the report against the record.
 */
@Tag("db")
class ReportCommandTest {

    static Database db;
    static CliContext context;
    static Path dir;
    static Path out;

    /** Night-vision devices (enhanced monitoring) delivered 2015-06-01 to the 9th Division: NV-001..NV-010. */
    static final int OLD_NVD = 10;
    /** Checked on 2017-03-01: six seen, one damaged (counts as seen), one not seen (later confirmed missing). */
    static final List<String> SEEN = List.of("NV-001", "NV-002", "NV-003", "NV-004", "NV-005", "NV-006");
    /** Four more delivered in the quarter (2017-02-10): first check not yet due. Five rifles (routine). */
    static final int NEW_NVD = 4;
    static final int RIFLES = 5;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        db = TestDatabases.fresh();
        dir = tmp;
        context = new CliContext(new CustodyHome(tmp.resolve("home")), db);
        Path units = Files.createDirectories(tmp.resolve("units"));
        Files.writeString(units.resolve("units.csv"), """
                code,name,echelon,country,parent_code,aliases,area_place,area_lat,area_lon
                IQ-IA,Iraqi Army,service,Iraq,,IA,,,
                IQ-IA-9D,9th Armoured Division,division,Iraq,IQ-IA,9th Division,Taji,33.5167,44.2667
                IQ-IA-7D,7th Infantry Division,division,Iraq,IQ-IA,7th Division,Al Asad,33.79,42.44
                """);
        Path cases = Files.createDirectories(tmp.resolve("cases"));
        Files.writeString(cases.resolve("transfers.csv"), """
                case_id,supplier,recipient_country,programme,notification_date,end_users,end_use_terms,notes
                T-NVD,United States,Iraq,ITEF,2015-01-15,IQ-IA,no re-transfer without U.S. consent;enhanced end-use monitoring,test case
                T-RIF,United States,Iraq,ISFF,2016-11-01,IQ-IA-7D,no re-transfer without U.S. consent,test case
                """);
        Files.writeString(cases.resolve("lots.csv"), """
                case_id,lot,article,quantity,delivery_date,delivered_to,override_justification
                T-NVD,N1,AN/PVS-14,10,2015-06-01,IQ-IA-9D,historical delivery recorded before vetting
                T-NVD,N2,AN/PVS-14,4,2017-02-10,IQ-IA-7D,delivered before the vetting decision was recorded
                T-RIF,R1,M16A4,5,2017-01-20,IQ-IA-7D,delivered before the vetting decision was recorded
                """);
        StringBuilder serials = new StringBuilder("case_id,lot,serial\n");
        for (int i = 1; i <= OLD_NVD; i++) serials.append("T-NVD,N1,NV-%03d\n".formatted(i));
        for (int i = 1; i <= NEW_NVD; i++) serials.append("T-NVD,N2,NV-%03d\n".formatted(100 + i));
        for (int i = 1; i <= RIFLES; i++) serials.append("T-RIF,R1,RF-%03d\n".formatted(i));
        Files.writeString(cases.resolve("serials.csv"), serials);
        StringBuilder check = new StringBuilder("serial,status,evidence\n");
        SEEN.forEach(s -> check.append(s).append(",SEEN,\n"));
        check.append("NV-007,NOT_SEEN,unit says it was lent to a checkpoint\nNV-008,DAMAGED,cracked housing\n");
        Files.writeString(tmp.resolve("check.csv"), check);
        Files.writeString(tmp.resolve("claims.jsonl"), """
                {"id": "c-1", "kind": "possession", "article": {"designation": "AN/PVS-14", "family": "AN/PVS-14", "category": "night vision device"}, "holder": {"name": "Asa'ib Ahl al-Haq"}, "serial": "NV-007", "place": "Tikrit", "lat": 34.6, "lon": 43.68, "country": "Iraq", "date": "2017-03-15", "stance": "asserted", "origins": ["field-team-salahuddin", "wire-a"], "story": "s-1", "document": "fr-1", "sentence": "Night-vision device NV-007 photographed with Asa'ib Ahl al-Haq fighters near Tikrit.", "attributedTo": "field monitoring team"}
                """);

        ok("lists", "import", Path.of("data/lists/un-sc").toAbsolutePath().toString());   // the real UN list: vetting screens against it
        ok("ledger", "import", units.toString());
        ok("ledger", "import", cases.toString());
        ok("eum", "check", "record", "--date", "2017-03-01", "--place", "Camp Taji", "--lat", "33.52", "--lon", "44.26",
                "--inspector", "J. Smith", "--unit", "IQ-IA-9D", "--items", tmp.resolve("check.csv").toString());
        ok("eum", "follow-up", "NV-007", "--date", "2017-03-20", "--outcome", "CONFIRMED_MISSING", "--note", "not found at the checkpoint");
        long div9 = unitId("IQ-IA-9D");
        long div7 = unitId("IQ-IA-7D");
        // vetting: the 9th restricted, the 7th approved, a third request (the army) left pending
        ok("vet", "request", "--unit", String.valueOf(div9), "--purpose", "transfer", "--for", "T-NVD", "--as-of", "2017-02-01");
        ok("vet", "check", "1");
        ok("vet", "decide", "1", "--outcome", "restricted", "--conditions", "training only", "--reason",
                "commander under investigation", "--expires", "2017-05-31");
        ok("vet", "request", "--unit", String.valueOf(div7), "--purpose", "transfer", "--for", "T-RIF", "--as-of", "2017-01-10");
        ok("vet", "check", "2");
        ok("vet", "decide", "2", "--outcome", "approved", "--reason", "no derogatory information", "--expires", "2018-01-10");
        ok("vet", "request", "--unit", String.valueOf(unitId("IQ-IA")), "--purpose", "training", "--for", "course A",
                "--as-of", "2017-03-05");
        ok("detect", "--claims", tmp.resolve("claims.jsonl").toString(), "--as-of", "2017-03-31");
        ok("case", "update", "1", "--status", "under_review", "--reason", "serial matches the ledger");
        ok("case", "update", "1", "--status", "confirmed", "--reason", "photo geolocated, serial legible");
        out = tmp.resolve("report");
        ok("report", "quarterly", "--quarter", "2017-Q1", "--country", "Iraq", "--out", out.toString());
    }

    @AfterAll
    static void stop() {
        context.close();
        db.close();
    }

    static CliRun ok(String... args) {
        CliRun r = CliRun.run(context, args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    static long unitId(String code) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ledger_org_unit WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static String pdfText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            return new PDFTextStripper().getText(pdf).replace("\r", "");
        }
    }

    @Test
    void writesEveryFormat() throws IOException {
        assertThat(out.resolve("report.pdf")).isNotEmptyFile();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
        assertThat(out.resolve("report.xlsx")).isNotEmptyFile();
        assertThat(out.resolve("figures.csv")).isNotEmptyFile();
        assertThat(out.resolve("eum-not-seen.csv")).isNotEmptyFile();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".report-"));
        }
        // the workbook holds every table, each sheet a title line, the header and the same rows as the CSV
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("report.xlsx").toFile())) {
            var sheet = wb.getSheet("eum-follow-ups");
            List<String> csv = Files.readAllLines(out.resolve("eum-follow-ups.csv"));
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(csv.size() + 1);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("NV-007");
            assertThat(wb.getSheet("figures")).isNotNull();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pdfFiguresMatchTheData() throws IOException {
        String text = pdfText();
        int enhanced = OLD_NVD + NEW_NVD;
        int verified = SEEN.size() + 1;                      // six seen + NV-008 damaged
        int delinquent = OLD_NVD - SEEN.size() - 2;          // NV-009, NV-010 never checked since 2015
        assertThat(text).contains("Serialised items delivered: " + (enhanced + RIFLES));
        assertThat(text).contains("under enhanced monitoring: " + enhanced);
        assertThat(text).contains("under routine monitoring: " + RIFLES);
        assertThat(text).contains("Enhanced items inventoried on time: " + verified
                + String.format(java.util.Locale.ROOT, " (%.1f %%)", 100.0 * verified / enhanced));
        assertThat(text).contains("Enhanced items delinquent for inventory: " + delinquent
                + String.format(java.util.Locale.ROOT, " (%.1f %%)", 100.0 * delinquent / enhanced));
        assertThat(text).contains("Items confirmed missing: 1");
        assertThat(text).contains("Vetting requests: 3");
        assertThat(text).contains("restricted: 1 (33.3 %)").contains("approved: 1 (33.3 %)").contains("pending: 1 (33.3 %)");
        assertThat(text).contains("commander under investigation");
        assertThat(text).contains("Items delivered in the quarter: " + (NEW_NVD + RIFLES));
        // the case rests on evidence dated in the quarter; its confirmation was recorded today, so it shows in the
        // current status, not among the status changes recorded in the quarter
        assertThat(text).contains("Diversion cases in the quarter: 1").contains("confirmed 1").contains("confirmed: 0");
        assertThat(text).contains("2017-03-15 | NV-007 | Tikrit");
        assertThat(text).contains("Contents").contains("page 1 of");
        assertThat(text).contains("Appendix: data this report was built from");
    }

    @Test
    void csvIsByteIdenticalOnASecondRunAndTheAuditLogHasTheHashes() throws IOException {
        Path again = dir.resolve("again");
        ok("report", "quarterly", "--quarter", "2017-Q1", "--country", "Iraq", "--out", again.toString(), "--format", "csv,pdf");
        try (Stream<Path> files = Files.list(again)) {
            // every table of the record is the same bytes; the audit checkpoint is the one signed at each issuing
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                if (f.getFileName().toString().equals("audit-checkpoint.csv")) continue;
                assertThat(Files.readAllBytes(f)).as(f.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(out.resolve(f.getFileName())));
            }
        }
        assertThat(Files.readString(again.resolve("audit-checkpoint.csv")))
                .isNotEqualTo(Files.readString(out.resolve("audit-checkpoint.csv")));
        // the PDF carries that checkpoint too: rendering one report twice gives the same bytes
        var report = org.custody.store.report.ReportService.build(db, org.custody.report.Quarter.parse("2017-Q1"),
                java.util.Optional.of("Iraq"), "test");
        var pdf = java.util.Set.of(org.custody.report.ReportFormat.PDF);
        assertThat(org.custody.store.report.ReportService.render(report, pdf).get("report.pdf"))
                .isEqualTo(org.custody.store.report.ReportService.render(report, pdf).get("report.pdf"));
        List<AuditEntry> issued = db.read(c -> AuditLog.entries(c, "report:2017-Q1:Iraq"));
        assertThat(issued).hasSizeGreaterThanOrEqualTo(2);
        String pdfSha = org.custody.report.QuarterlyReport.sha256(Files.readAllBytes(out.resolve("report.pdf")));
        assertThat(issued.get(0).detail()).contains(pdfSha).contains("\"quarter\":\"2017-Q1\"");
    }

    @Test
    void pagesTurnIntoNonEmptyPngs() throws Exception {
        int pages;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            pages = pdf.getNumberOfPages();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getDocumentOutline().children()).isNotEmpty();
        }
        Path png = Files.createDirectories(dir.resolve("png"));
        Process p = new ProcessBuilder("pdftoppm", "-r", "30", "-png", out.resolve("report.pdf").toString(),
                png.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        List<Path> images;
        try (Stream<Path> files = Files.list(png)) {
            images = files.sorted().toList();
        }
        assertThat(images).hasSize(pages);
        List<Integer> inked = new ArrayList<>();
        for (Path i : images) {
            BufferedImage img = ImageIO.read(i.toFile());
            int dark = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                for (int y = 0; y < img.getHeight(); y++) if ((img.getRGB(x, y) & 0xff) < 200) dark++;
            }
            inked.add(dark);
        }
        assertThat(inked).allMatch(n -> n > 50);
    }

    @Test
    void verifyTellsAMatchingReportAChangedRecordAndAForeignFile() throws IOException {
        Path base = dir.resolve("verify");
        ok("report", "quarterly", "--quarter", "2017-Q1", "--out", base.toString(), "--format", "pdf,csv");
        CliRun good = CliRun.run(context, "report", "verify", base.resolve("report.pdf").toString());
        assertThat(good.exitCode()).as(good.out() + good.err()).isZero();
        assertThat(good.out()).contains("matches the record");

        Path tampered = dir.resolve("tampered.csv");
        Files.writeString(tampered, Files.readString(base.resolve("figures.csv")).replace("Vetting requests,3", "Vetting requests,2"));
        CliRun foreign = CliRun.run(context, "report", "verify", tampered.toString());
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.out()).contains("not a report this installation issued");

        ok("eum", "follow-up", "NV-009", "--date", "2017-03-25", "--outcome", "LOCATED", "--note", "found in the armoury");
        CliRun changed = CliRun.run(context, "report", "verify", base.resolve("eum-states.csv").toString());
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.out()).contains("the record has changed since").contains("eum-states").contains("figures");
    }

    @Test
    void refusesABadQuarterWithoutWritingAnything() {
        Path none = dir.resolve("none");
        CliRun r = CliRun.run(context, "report", "quarterly", "--quarter", "2017-Q5", "--out", none.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("2017-Q5").contains("YYYY-Qn");
        assertThat(none).doesNotExist();
    }
}

