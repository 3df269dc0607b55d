package org.custody.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custody.accounts.Capability;
import org.custody.audit.AuditCheckpoints;
import org.custody.audit.AuditEntry;
import org.custody.audit.AuditLog;
import org.custody.server.ApiException;
import org.custody.server.Pagination;
import org.custody.server.Routes;
import org.custody.server.Services;

/** The hash-chained audit log: entries and verification against the signed checkpoints (as {@code custody audit}). */
public final class AuditApi {

    private final Services services;

    public AuditApi(Services services) {
        this.services = services;
    }

    public void declare(Routes r) {
        r.tag("audit")
                .get("/api/audit", Capability.READ, "Audit entries, newest first").query("subject", "string", "only entries about this subject")
                .paged().to(this::entries)
                .get("/api/audit/verify", Capability.READ, "Recompute the hash chain and check it against the signed checkpoints")
                .to(this::verify)
                .get("/api/audit/checkpoints", Capability.READ, "The signed checkpoints of the audit chain (signing the newest entry first, as `custody audit --checkpoint` does)")
                .query("format", "string", "json (default) or text: the checkpoint log itself, the file `custody audit --verify --checkpoints FILE` reads")
                .to(this::checkpoints);
    }

    /**
     * The checkpoint log, newest last: the chain's newest entry is signed first when it is not yet (what
     * {@code custody audit --checkpoint} does), so the answer covers the whole log as it is now. As text it
     * is the log file itself, to keep outside this installation and verify against later.
     */
    private void checkpoints(Context ctx) throws IOException {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw ApiException.badRequest("format must be json or text, not '" + format + "'", "format");
        }
        AuditCheckpoints cps = AuditCheckpoints.open(services.home().resolve("audit"));
        services.database().read(cps::export);
        if ("text".equals(format)) {
            ctx.header("Content-Disposition", "attachment; filename=\"audit-checkpoints.log\"");
            ctx.contentType("text/plain; charset=utf-8").result(java.nio.file.Files.exists(cps.logFile())
                    ? java.nio.file.Files.readAllBytes(cps.logFile()) : new byte[0]);
            return;
        }
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (AuditCheckpoints.Checkpoint cp : cps.read(cps.logFile())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", cp.seq());
            m.put("hash", cp.hash());
            m.put("at", cp.at().toString());
            m.put("signature", cp.signature());
            m.put("line", cp.line());
            all.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("publicKeyFingerprint", cps.publicKeyFingerprint());
        out.put("checkpoints", all);
        ctx.json(out);
    }

    private void entries(Context ctx) {
        String subject = ctx.queryParam("subject");
        List<AuditEntry> all = new java.util.ArrayList<>(services.database().read(c -> AuditLog.entries(c,
                subject == null || subject.isBlank() ? null : subject)));
        java.util.Collections.reverse(all);
        ctx.json(Pagination.of(ctx).page(all));
    }

    private void verify(Context ctx) {
        AuditCheckpoints cps = AuditCheckpoints.open(services.home().resolve("audit"));
        AuditCheckpoints.Verification v = services.database().read(c -> {
            try {
                return cps.verify(c, cps.logFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intact", v.intact());
        m.put("entries", v.entries());
        m.put("checkpoints", v.checkpoints());
        m.put("lastCheckpointSeq", v.lastCheckpointSeq());
        m.put("entriesAfterLastCheckpoint", v.entriesAfterLastCheckpoint());
        m.put("problems", v.problems());
        ctx.json(m);
    }
}
