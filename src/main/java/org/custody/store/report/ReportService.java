package org.custody.store.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.custody.audit.AuditCheckpoints;
import org.custody.audit.AuditLog;
import org.custody.report.Quarter;
import org.custody.report.QuarterlyReport;
import org.custody.report.ReportFormat;
import org.custody.report.ReportTable;
import org.custody.report.render.Charts;
import org.custody.report.render.HtmlReport;
import org.custody.report.render.PdfReport;
import org.custody.report.render.XlsxReport;
import org.custody.store.Database;
import org.custody.store.ledger.Details;

/**
 * Issues oversight reports and verifies them. Issuing reads the record in one read-only snapshot, renders the
 * chosen formats into a temporary folder, appends the files' SHA-256 and the parameters to the audit log, and
 * only then moves the files into place, so a failure leaves no half-written report. Verifying finds the file's
 * SHA-256 in the audit log, rebuilds the report from the record with the recorded parameters, and compares
 * every table.
 */
public final class ReportService {

    public static final String ACTION = "report.issued";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportService() {}

    /** What was written: the report, each file's SHA-256 by name, and the audit entry's sequence number. */
    public record Issued(QuarterlyReport report, Map<String, String> files, long auditSeq) {}

    /** The answer to {@code custody report verify}: whether the file is a recorded report and still matches the record. */
    public record Verification(boolean recorded, boolean matches, String message, List<String> differingTables) {}

    public static QuarterlyReport build(Database db, Quarter quarter, Optional<String> country, String version) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            return QuarterlyReportQuery.build(c, quarter, country, version);
        });
    }

    public static Issued issue(Database db, Quarter quarter, Optional<String> country, String version,
                               Set<ReportFormat> formats, Path outDir, String actor) {
        return issue(db, quarter, country, version, formats, outDir, actor, Optional.empty());
    }

    /**
     * As above, with {@code issuance} (the audit checkpoint signed as the report is issued) added to the
     * appendix: printed in every format, left out of the data fingerprint ({@link QuarterlyReport#ISSUANCE_TABLES}).
     */
    public static Issued issue(Database db, Quarter quarter, Optional<String> country, String version,
                               Set<ReportFormat> formats, Path outDir, String actor, Optional<ReportTable> issuance) {
        QuarterlyReport built = build(db, quarter, country, version);
        QuarterlyReport report = issuance.map(built::withAppendixTable).orElse(built);
        Map<String, byte[]> files = render(report, formats);
        try {
            Files.createDirectories(outDir);
            Path tmp = Files.createTempDirectory(outDir, ".report-");
            try {
                for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(tmp.resolve(f.getKey()), f.getValue());
                Map<String, String> hashes = new LinkedHashMap<>();
                files.forEach((name, bytes) -> hashes.put(name, QuarterlyReport.sha256(bytes)));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("parameters", report.parameters());
                detail.put("custodyVersion", version);
                detail.put("dataFingerprint", report.dataFingerprint());
                detail.put("files", hashes);
                detail.put("tables", report.tableHashes());
                long seq = db.inTransaction(c -> AuditLog.append(c, actor, ACTION, subject(report), Details.json(detail)).seq());
                for (String name : files.keySet()) {
                    Files.move(tmp.resolve(name), outDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                return new Issued(report, hashes, seq);
            } finally {
                try (Stream<Path> left = Files.list(tmp)) {
                    for (Iterator<Path> it = left.iterator(); it.hasNext(); ) Files.deleteIfExists(it.next());
                }
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** The files of a report in the chosen formats, by file name, in a fixed order. */
    public static Map<String, byte[]> render(QuarterlyReport report, Set<ReportFormat> formats) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Charts.Chart> charts = formats.contains(ReportFormat.PDF) || formats.contains(ReportFormat.HTML)
                ? Charts.all(report) : List.of();
        if (formats.contains(ReportFormat.PDF)) files.put("report.pdf", PdfReport.render(report, charts));
        if (formats.contains(ReportFormat.HTML)) files.put("report.html", HtmlReport.render(report, charts));
        if (formats.contains(ReportFormat.CSV)) {
            for (ReportTable t : report.tables()) files.put(t.id() + ".csv", t.csv());
        }
        if (formats.contains(ReportFormat.XLSX)) files.put("report.xlsx", XlsxReport.render(report));
        return files;
    }

    static String subject(QuarterlyReport r) {
        return "report:" + r.quarter() + r.country().map(c -> ":" + c).orElse("");
    }

    /**
     * The audit chain's newest entry, signed now, as the appendix table "audit-checkpoint": a copy of the
     * checkpoint outside the database that {@code custody audit --verify --checkpoints audit-checkpoint.csv}
     * (or {@code --checkpoint-value}) checks the log against later. The CLI and the server both issue with it.
     */
    public static Optional<ReportTable> checkpointTable(Database db, AuditCheckpoints cps) {
        db.read(cps::export);
        return cps.latest().map(cp -> new ReportTable("audit-checkpoint", "Audit checkpoint",
                "The newest entry of the audit log when this report was issued, signed with this installation's "
                        + "checkpoint key (kept outside the database). 'custody audit --verify --checkpoints "
                        + "audit-checkpoint.csv' (or --checkpoint-value with the line below) checks that the log "
                        + "still holds this entry and every one before it unchanged.",
                List.of("field", "value"), List.of(
                        List.of("sequence", Long.toString(cp.seq())),
                        List.of("head hash", cp.hash()),
                        List.of("signed at", cp.at().toString()),
                        List.of("signature (Ed25519)", cp.signature()),
                        List.of("public-key fingerprint", cps.publicKeyFingerprint()),
                        List.of("checkpoint", cp.line()))));
    }

    public static Verification verify(Database db, Path file, String version) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String sha = QuarterlyReport.sha256(bytes);
        String name = file.getFileName().toString();
        JsonNode detail = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT detail FROM audit_log WHERE action = ? AND position(? in detail) > 0"
                    + " ORDER BY seq DESC")) {
                ps.setString(1, ACTION);
                ps.setString(2, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode d = parse(rs.getString(1));
                        for (Iterator<Map.Entry<String, JsonNode>> it = d.path("files").fields(); it.hasNext(); ) {
                            if (it.next().getValue().asText().equals(sha)) return d;
                        }
                    }
                    return null;
                }
            }
        });
        if (detail == null) {
            return new Verification(false, false, name + " (SHA-256 " + sha + ") is not a report this installation issued: "
                    + "no audit entry records that hash, so the file was changed after it was issued or comes from elsewhere", List.of());
        }
        JsonNode p = detail.path("parameters");
        Quarter quarter = Quarter.parse(p.path("quarter").asText());
        Optional<String> country = Optional.of(p.path("country").asText()).filter(s -> !s.isEmpty());
        QuarterlyReport now = build(db, quarter, country, detail.path("custodyVersion").asText(version));
        Map<String, String> current = now.tableHashes();
        List<String> differing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = detail.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(current.get(e.getKey()))) differing.add(e.getKey());
        }
        for (String id : current.keySet()) if (!detail.path("tables").has(id)) differing.add(id);
        String what = "report " + quarter + country.map(c -> " (" + c + ")").orElse("") + ", issued with data fingerprint "
                + detail.path("dataFingerprint").asText();
        if (differing.isEmpty()) {
            return new Verification(true, true, name + " matches the record: it is the " + what
                    + ", and rebuilding it from the record now gives the same tables and figures", List.of());
        }
        return new Verification(true, false, name + " was issued as the " + what + ", but the record has changed since: "
                + differing.size() + " table(s) now differ: " + String.join(", ", differing), differing);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
