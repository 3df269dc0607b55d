package org.custody.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.custody.accounts.Capability;
import org.custody.audit.AuditCheckpoints;
import org.custody.audit.AuditLog;
import org.custody.report.Quarter;
import org.custody.report.ReportFormat;
import org.custody.server.ApiException;
import org.custody.server.Bodies;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;
import org.custody.server.Uploads;
import org.custody.store.report.ReportService;

/**
 * Oversight reports through the server, as {@code custody report quarterly} and {@code custody report
 * verify} make them: the same {@link ReportService} (the same files, the same audit entry, the same signed
 * audit checkpoint in the appendix), written under {@code $CUSTODY_HOME/reports/ID/} and downloaded from there.
 */
public final class ReportsApi {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Services services;
    private final String version;

    /** @param version the running build's version, recorded in each report as the CLI records its own */
    public ReportsApi(Services services, String version) {
        this.services = services;
        this.version = version.replaceFirst("^custody\\s+", "");
    }

    public void declare(Routes r) {
        r.tag("reports")
                .post("/api/reports/quarterly", Capability.ISSUE_REPORTS,
                        "Issue the quarterly vetting and end-use-monitoring report (as custody report quarterly)")
                .body("{quarter: YYYY-Qn, country?: recipient country, formats?: \"pdf,html,csv,xlsx\" (default all)}").to(this::issue)
                .get("/api/reports", Capability.READ, "Reports issued through the server, newest first").paged().to(this::list)
                .get("/api/reports/{id}/{file}", Capability.READ, "Download one file of an issued report").to(this::download)
                .post("/api/reports/verify", Capability.READ,
                        "Whether an uploaded report file is one this installation issued and still matches the record (as custody report verify)")
                .body("multipart/form-data: file").to(this::verify);
    }

    private Path root() {
        return services.home().resolve("reports");
    }

    private void issue(Context ctx) {
        JsonNode b = Bodies.object(ctx);
        Quarter quarter;
        Set<ReportFormat> formats;
        try {
            quarter = Quarter.parse(Bodies.text(b, "quarter", true));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "quarter");
        }
        String country = Bodies.text(b, "country", false);
        String formatText = Bodies.text(b, "formats", false);
        try {
            formats = ReportFormat.parse(formatText == null ? "pdf,html,csv,xlsx" : formatText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().replace("--format", "formats"), "formats");
        }
        String id = quarter + (country == null || country.isBlank() ? "" : "-" + slug(country)) + "-" + STAMP.format(services.clock().instant());
        Path out = root().resolve(id);
        AuditCheckpoints cps = AuditCheckpoints.open(services.home().resolve("audit"));
        ReportService.Issued issued;
        try {
            issued = ReportService.issue(services.database(), quarter, Optional.ofNullable(country).filter(c -> !c.isBlank()),
                    version, formats, out, AuditLog.currentActor(), ReportService.checkpointTable(services.database(), cps));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), null);
        }
        Map<String, Object> m = describe(id, issued.files());
        m.put("auditSeq", issued.auditSeq());
        m.put("dataFingerprint", issued.report().dataFingerprint());
        ctx.status(201).header("Location", "/api/reports/" + id).json(m);
    }

    private static String slug(String s) {
        String t = s.strip().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return t.isEmpty() ? "country" : t.length() > 40 ? t.substring(0, 40) : t;
    }

    private static Map<String, Object> describe(String id, Map<String, String> files) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", f.getKey());
            if (f.getValue() != null) x.put("sha256", f.getValue());
            x.put("url", "/api/reports/" + id + "/" + f.getKey());
            list.add(x);
        }
        m.put("files", list);
        return m;
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (Files.isDirectory(root())) {
            try (Stream<Path> dirs = Files.list(root())) {
                for (Path d : dirs.filter(Files::isDirectory).sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList()) {
                    Map<String, String> files = new LinkedHashMap<>();
                    try (Stream<Path> fs = Files.list(d)) {
                        fs.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().forEach(n -> files.put(n, null));
                    }
                    out.add(describe(d.getFileName().toString(), files));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root() + ": " + e.getMessage(), e);
            }
        }
        ctx.json(Pagination.of(ctx).page(out));
    }

    private void download(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String file = ctx.pathParam("file");
        if (!SAFE_NAME.matcher(id).matches()) throw ApiException.badRequest("not a report id: '" + id + "'", "id");
        if (!SAFE_NAME.matcher(file).matches()) throw ApiException.badRequest("not a report file name: '" + file + "'", "file");
        Path p = root().resolve(id).resolve(file).normalize();
        if (!p.startsWith(root()) || !Files.isRegularFile(p)) {
            throw ApiException.notFound("no file '" + file + "' in report '" + id + "' (GET /api/reports lists them)");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(contentType(file)).result(Files.readAllBytes(p));
    }

    private static String contentType(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".pdf")) return "application/pdf";
        if (f.endsWith(".html")) return "text/html; charset=utf-8";
        if (f.endsWith(".csv")) return "text/csv; charset=utf-8";
        if (f.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return "application/octet-stream";
    }

    private void verify(Context ctx) {
        try (Uploads up = Uploads.of(ctx, "file")) {
            if (up.files().size() != 1) throw ApiException.badRequest("upload exactly one report file", "file");
            ReportService.Verification v = ReportService.verify(services.database(), up.files().getFirst(), version);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recorded", v.recorded());
            m.put("matches", v.matches());
            m.put("message", v.message());
            m.put("differingTables", v.differingTables());
            ctx.json(m);
        }
    }
}
