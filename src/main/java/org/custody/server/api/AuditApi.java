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
                .to(this::verify);
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
